using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace OdeDsl.Runtime.Latent;

/// <summary>
/// The recognition network: a GRU run backwards in time over each trajectory's observed points (Chen et al. 2018,
/// §5.1; Rubanova et al. 2019), reading the masked values, the mask and the gap to the trajectory's previous
/// observation, then a linear map from its last hidden state to the posterior over <c>z0</c>. At union times a
/// trajectory was not seen its hidden state is kept as it was, so a trajectory in a batch is encoded exactly as alone.
/// </summary>
public sealed class RecognitionGru : nn.Module
{
    private readonly GRUCell cell;
    private readonly Linear output;
    private readonly int _hiddenCount;

    public RecognitionGru(string name, int quantityCount, int hiddenCount, int latentCount) : base(name)
    {
        cell = nn.GRUCell(2 * quantityCount + 1, hiddenCount, dtype: ScalarType.Float64);
        output = nn.Linear(hiddenCount, 2 * latentCount, dtype: ScalarType.Float64);
        _hiddenCount = hiddenCount;
        RegisterComponents();
    }

    public GaussianPosterior Encode(IrregularBatch batch)
    {
        var hidden = zeros(batch.TrajectoryCount, _hiddenCount, ScalarType.Float64);
        for (var k = batch.Times.Count - 1; k >= 0; k--)
        {
            var values = where(batch.Mask[k] > 0, batch.Values[k], zeros_like(batch.Values[k]));
            var input = cat([values, batch.Mask[k], batch.Gaps[k].unsqueeze(1)], 1);
            hidden = where(batch.Observed[k].unsqueeze(1), cell.call(input, hidden), hidden);
        }
        var parameters = output.call(hidden).chunk(2, 1);
        return new GaussianPosterior(parameters[0], parameters[1]);
    }
}
