using OdeDsl.Runtime.Solvers.Stiff;

namespace OdeDsl.Runtime.Gradients;

/// <summary>
/// Keeps every accepted step of a stiff forward solve (both ends and their derivatives) and interpolates the
/// solution by the cubic Hermite polynomials the one-step stiff solvers use for their dense output (for BDF steps too).
/// </summary>
internal sealed class HermiteRecorder : IStiffStepObserver, ISegmentInterpolant
{
    private readonly List<(double T, double TNew, double[] Values)> _steps = [];

    public long Bytes => _steps.Sum(step => (long)step.Values.Length * sizeof(double));

    public void Accepted(double t, double tNew, ReadOnlySpan<double> start, ReadOnlySpan<double> startDerivative,
        ReadOnlySpan<double> end, ReadOnlySpan<double> endDerivative)
    {
        var size = start.Length;
        var values = new double[4 * size];
        start.CopyTo(values);
        startDerivative.CopyTo(values.AsSpan(size));
        end.CopyTo(values.AsSpan(2 * size));
        endDerivative.CopyTo(values.AsSpan(3 * size));
        _steps.Add((t, tNew, values));
    }

    public void Interpolate(double t, Span<double> z)
    {
        var (start, end, values) = _steps[FindStep(t)];
        var h = end - start;
        var theta = Math.Clamp((t - start) / h, 0.0, 1.0);
        var theta2 = theta * theta;
        var theta3 = theta2 * theta;
        var startWeight = 2 * theta3 - 3 * theta2 + 1;
        var startSlope = h * (theta3 - 2 * theta2 + theta);
        var endWeight = -2 * theta3 + 3 * theta2;
        var endSlope = h * (theta3 - theta2);
        var size = z.Length;
        for (var i = 0; i < size; i++)
            z[i] = startWeight * values[i] + startSlope * values[size + i]
                + endWeight * values[2 * size + i] + endSlope * values[3 * size + i];
    }

    private int FindStep(double t)
    {
        int low = 0, high = _steps.Count - 1;
        while (low < high)
        {
            var middle = (low + high + 1) / 2;
            if (_steps[middle].T <= t)
                low = middle;
            else
                high = middle - 1;
        }
        return low;
    }
}
