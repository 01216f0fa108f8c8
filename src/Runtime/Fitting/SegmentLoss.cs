using OdeDsl.Runtime.Data;
using OdeDsl.Runtime.Gradients;
using OdeDsl.Runtime.Systems;

namespace OdeDsl.Runtime.Fitting;

/// <summary>
/// One segment's share of the fitting objective, on the states its solve saves: <c>Σ w r² / N</c> over its observed
/// values (the residuals of <see cref="ObservationLoss"/>; N the count over all segments of the evaluation) and, with multiple
/// shooting, the continuity penalty <c>w · Σ (z(t_end) − s_next)²</c> on an extra last save point.
/// </summary>
internal sealed class SegmentLoss(IOdeOutputs outputs, ObservationLoss loss, ObservedTrajectory trajectory, int firstRow,
    int rowCount, double scale, double[]? nextState, double continuityWeight) : IObservationLoss
{
    /// <summary>A whole trajectory's share of <paramref name="loss"/> (no shooting): what <c>odedsl gradient</c> differentiates.</summary>
    public static SegmentLoss WholeTrajectory(IOdeOutputs outputs, ObservationLoss loss, ObservedTrajectory trajectory) =>
        new(outputs, loss, trajectory, 0, trajectory.Times.Count, 1.0 / loss.Count, null, 0);

    /// <summary><c>∂L/∂s_next</c> of the last evaluation (empty without a next shooting state).</summary>
    public double[] NextStateGradient { get; private set; } = [];

    /// <summary>Per observed column, the <c>Σ w r²</c> of the last evaluation (not divided by N).</summary>
    public double[] ColumnSums { get; private set; } = [];

    public double Evaluate(IReadOnlyList<double> times, ReadOnlySpan<double> states, int trajectories,
        ReadOnlySpan<double> parameters, Span<double> stateGradients, Span<double> parameterGradients)
    {
        var n = states.Length / times.Count;
        var m = loss.OutputCount;
        var values = new double[m];
        var cotangent = new double[m];
        var parameterCotangent = new double[parameterGradients.Length];
        var timeCotangent = new double[1];
        var data = 0.0;
        ColumnSums = new double[loss.ColumnCount];
        for (var i = 0; i < rowCount; i++)
        {
            var state = states.Slice(i * n, n);
            outputs.Outputs(times[i], state, parameters, values);
            Array.Clear(cotangent);
            data += scale * loss.AccumulateRow(trajectory, firstRow + i, values, cotangent, scale, ColumnSums, out var any);
            if (!any) continue;
            outputs.OutputVjp(times[i], state, parameters, cotangent, stateGradients.Slice(i * n, n), parameterCotangent, timeCotangent);
            for (var k = 0; k < parameterCotangent.Length; k++) parameterGradients[k] += parameterCotangent[k];
        }
        if (nextState is null) return data;
        var end = states.Slice(rowCount * n, n);
        var penalty = 0.0;
        NextStateGradient = new double[n];
        for (var i = 0; i < n; i++)
        {
            var gap = end[i] - nextState[i];
            penalty += continuityWeight * gap * gap;
            stateGradients[rowCount * n + i] += 2 * continuityWeight * gap;
            NextStateGradient[i] = -2 * continuityWeight * gap;
        }
        return data + penalty;
    }
}
