using OdeDsl.Runtime.Latent;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace OdeDsl.Examples;

/// <summary>
/// The baseline: a GRU run forwards in time over the observed points with the gap since the previous one as an extra
/// input (the "RNN-Δt" of Rubanova et al. 2019), and a head that predicts the value <c>τ</c> after the last
/// observation from the hidden state and <c>τ</c>. Trained on one-step-ahead prediction (masked squared error);
/// beyond a trajectory's last observation it forecasts autoregressively, feeding each prediction back in.
/// </summary>
internal sealed class GruBaseline : nn.Module
{
    private readonly GRUCell cell;
    private readonly nn.Module<Tensor, Tensor> head;
    private readonly int _hiddenCount;

    public GruBaseline(string name, int quantityCount, int hiddenCount) : base(name)
    {
        cell = nn.GRUCell(2 * quantityCount + 1, hiddenCount, dtype: ScalarType.Float64);
        head = nn.Sequential(
            nn.Linear(hiddenCount + 1, 20, dtype: ScalarType.Float64),
            nn.ReLU(),
            nn.Linear(20, quantityCount, dtype: ScalarType.Float64));
        _hiddenCount = hiddenCount;
        RegisterComponents();
    }

    /// <summary>Mean squared error of predicting every observed cell from the points before it.</summary>
    public Tensor Loss(IrregularBatch batch)
    {
        var hidden = zeros(batch.TrajectoryCount, _hiddenCount, ScalarType.Float64);
        var total = zeros(1, ScalarType.Float64);
        for (var k = 0; k < batch.Times.Count; k++)
        {
            var prediction = Predict(hidden, batch.Gaps[k]);
            total += where(batch.Mask[k] > 0, (prediction - batch.Values[k]).square(), zeros_like(prediction)).sum();
            hidden = Update(hidden, batch, k);
        }
        return total / batch.Mask.sum();
    }

    /// <summary>Predictions <c>[Q, B, m]</c> at <paramref name="queryTimes"/> (ascending) for every trajectory of <paramref name="inputs"/>.</summary>
    public Tensor Forecast(IrregularBatch inputs, IReadOnlyList<double> queryTimes)
    {
        using var noGrad = no_grad();
        var batch = inputs.TrajectoryCount;
        var lastObserved = new double[batch];
        for (var b = 0; b < batch; b++)
        {
            lastObserved[b] = inputs.Start;
            for (var k = 0; k < inputs.Times.Count; k++)
                if (inputs.Observed[k, b].item<bool>()) lastObserved[b] = inputs.Times[k];
        }
        var hidden = zeros(batch, _hiddenCount, ScalarType.Float64);
        var lastTime = full(batch, inputs.Start, ScalarType.Float64);
        var predictions = new Tensor[queryTimes.Count];
        var (nextObservation, nextQuery) = (0, 0);
        while (nextQuery < queryTimes.Count)
        {
            if (nextObservation < inputs.Times.Count && inputs.Times[nextObservation] < queryTimes[nextQuery])
            {
                var observed = inputs.Observed[nextObservation];
                hidden = Update(hidden, inputs, nextObservation);
                lastTime = where(observed, full(batch, inputs.Times[nextObservation], ScalarType.Float64), lastTime);
                nextObservation++;
                continue;
            }
            var t = queryTimes[nextQuery];
            var gap = t - lastTime;
            var prediction = Predict(hidden, gap);
            predictions[nextQuery++] = prediction;
            // Past its last observation a trajectory reads its own forecast, as an autoregressive model does.
            var beyond = tensor(lastObserved.Select(last => t > last).ToArray());
            var fedBack = cell.call(cat([prediction, ones_like(prediction), gap.unsqueeze(1)], 1), hidden);
            hidden = where(beyond.unsqueeze(1), fedBack, hidden);
            lastTime = where(beyond, full(batch, t, ScalarType.Float64), lastTime);
        }
        return stack(predictions);
    }

    private Tensor Predict(Tensor hidden, Tensor gaps) => head.call(cat([hidden, gaps.unsqueeze(1)], 1));

    private Tensor Update(Tensor hidden, IrregularBatch batch, int k)
    {
        var values = where(batch.Mask[k] > 0, batch.Values[k], zeros_like(batch.Values[k]));
        var input = cat([values, batch.Mask[k], batch.Gaps[k].unsqueeze(1)], 1);
        return where(batch.Observed[k].unsqueeze(1), cell.call(input, hidden), hidden);
    }
}
