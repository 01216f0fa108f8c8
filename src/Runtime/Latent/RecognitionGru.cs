using OdeDsl.Runtime.Torch;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace OdeDsl.Runtime.Latent;

/// <summary>
/// The recognition network: a GRU run backwards in time over each trajectory's observed points (Chen et al. 2018,
/// §5.1), reading the masked values, the mask and the gap to the trajectory's previous observation, then a linear map
/// from its last hidden state to the posterior over <c>z0</c>. Given hidden dynamics it is an ODE-RNN (Rubanova et
/// al. 2019, Alg. 1): between observations the hidden state evolves by <c>dh/dt = g(h)</c>, down to the batch's start.
/// At union times a trajectory was not seen its hidden state is only evolved, and before its last observation it
/// stays zero, so a trajectory in a batch is encoded as it is alone.
/// </summary>
public sealed class RecognitionGru : nn.Module
{
    private readonly GRUCell cell;
    private readonly Linear output;
    private readonly SystemBlock? hiddenDynamics;
    private readonly int _hiddenCount;

    /// <param name="hiddenDynamics">
    /// <c>null</c> for a plain GRU; otherwise an autonomous system with <paramref name="hiddenCount"/> states and
    /// <c>T0 = 0</c>, whose solve over each gap between union times carries the hidden state across it.
    /// </param>
    /// <exception cref="ArgumentException">Hidden dynamics whose state count is not <paramref name="hiddenCount"/> or whose <c>T0</c> is not 0.</exception>
    public RecognitionGru(string name, int quantityCount, int hiddenCount, int latentCount, SystemBlock? hiddenDynamics = null)
        : base(name)
    {
        if (hiddenDynamics is not null && hiddenDynamics.System.StateCount != hiddenCount)
            throw new ArgumentException($"the ODE-RNN's hidden dynamics {hiddenDynamics.System.Name} have {hiddenDynamics.System.StateCount} states, the GRU {hiddenCount} hidden units", nameof(hiddenDynamics));
        if (hiddenDynamics is not null && hiddenDynamics.T0 != 0)
            throw new ArgumentException($"the ODE-RNN's hidden dynamics {hiddenDynamics.System.Name} start at T0={hiddenDynamics.T0}; each gap is solved from 0", nameof(hiddenDynamics));
        cell = nn.GRUCell(2 * quantityCount + 1, hiddenCount, dtype: ScalarType.Float64);
        output = nn.Linear(hiddenCount, 2 * latentCount, dtype: ScalarType.Float64);
        this.hiddenDynamics = hiddenDynamics;
        _hiddenCount = hiddenCount;
        RegisterComponents();
    }

    public GaussianPosterior Encode(IrregularBatch batch)
    {
        var hidden = zeros(batch.TrajectoryCount, _hiddenCount, ScalarType.Float64);
        var started = zeros(batch.TrajectoryCount, 1, ScalarType.Bool);
        for (var k = batch.Times.Count - 1; k >= 0; k--)
        {
            if (k < batch.Times.Count - 1)
                hidden = Evolve(hidden, started, batch.Times[k + 1] - batch.Times[k]);
            var observed = batch.Observed[k].unsqueeze(1);
            var values = where(batch.Mask[k] > 0, batch.Values[k], zeros_like(batch.Values[k]));
            var input = cat([values, batch.Mask[k], batch.Gaps[k].unsqueeze(1)], 1);
            hidden = where(observed, cell.call(input, hidden), hidden);
            started = started.logical_or(observed);
        }
        hidden = Evolve(hidden, started, batch.Times[0] - batch.Start);
        var parameters = output.call(hidden).chunk(2, 1);
        return new GaussianPosterior(parameters[0], parameters[1]);
    }

    /// <summary>The hidden states of trajectories already seen, carried back over <paramref name="gap"/> by the hidden dynamics.</summary>
    private Tensor Evolve(Tensor hidden, Tensor started, double gap)
    {
        if (hiddenDynamics is null || gap == 0)
            return hidden;
        return where(started, hiddenDynamics.Solve(hidden, [gap])[0], hidden);
    }
}
