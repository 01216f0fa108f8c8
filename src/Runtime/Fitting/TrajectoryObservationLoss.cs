using OdeDsl.Runtime.Data;
using OdeDsl.Runtime.Gradients;
using OdeDsl.Runtime.Systems;

namespace OdeDsl.Runtime.Fitting;

/// <summary>
/// One trajectory's share of the <see cref="ObservationLoss"/> as the gradient methods see it: states at the
/// trajectory's data times in, the loss and <c>∂L/∂z(t_i)</c> out, through the model's observation outputs
/// and their generated VJP (which also gives any direct <c>∂L/∂θ</c>).
/// </summary>
public sealed class TrajectoryObservationLoss(IOdeOutputs outputs, ObservationLoss loss, ObservedTrajectory trajectory,
    int stateCount) : IObservationLoss
{
    public double Evaluate(IReadOnlyList<double> times, ReadOnlySpan<double> states, int trajectories,
        ReadOnlySpan<double> parameters, Span<double> stateGradients, Span<double> parameterGradients)
    {
        if (trajectories != 1 || times.Count != trajectory.Times.Count)
            throw new ArgumentException($"expected one trajectory saved at its {trajectory.Times.Count} data times");
        var n = stateCount;
        var m = loss.OutputCount;
        var modelOutputs = new double[times.Count * m];
        for (var i = 0; i < times.Count; i++)
            outputs.Outputs(times[i], states.Slice(i * n, n), parameters, modelOutputs.AsSpan(i * m, m));
        var outputCotangent = new double[times.Count * m];
        var value = loss.Accumulate(trajectory, modelOutputs, outputCotangent);
        var parameterCotangent = new double[parameters.Length];
        var timeCotangent = new double[1];
        for (var i = 0; i < times.Count; i++)
        {
            outputs.OutputVjp(times[i], states.Slice(i * n, n), parameters, outputCotangent.AsSpan(i * m, m),
                stateGradients.Slice(i * n, n), parameterCotangent, timeCotangent);
            for (var k = 0; k < parameterCotangent.Length; k++) parameterGradients[k] += parameterCotangent[k];
        }
        return value;
    }
}
