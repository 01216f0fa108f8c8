using OdeDsl.Runtime.Solvers.Backends;

namespace OdeDsl.Runtime.Solvers.ErrorEstimation;

/// <summary>
/// How an adaptive method measures a step's local error. The result is a ratio: ≤ 1 means the step
/// meets <c>atol + rtol·max(|y_n|, |y_{n+1}|)</c>. Each trajectory of a batch gets its own RMS norm
/// and the step is judged by the worst one, so no trajectory's accuracy is traded for another's.
/// </summary>
public abstract class ErrorEstimate
{
    /// <summary>The exponent base <c>k</c> of the step-size controller (error ∝ hᵏ).</summary>
    public abstract int ControllerOrder { get; }

    /// <summary>The error ratio of the worst trajectory, and which trajectory that is.</summary>
    /// <param name="workspace">At least <c>2·B</c> doubles.</param>
    internal abstract double Norm(IStepBackend backend, double h, Span<double> workspace, out int worstTrajectory);

    protected static double MaxOver(ReadOnlySpan<double> perTrajectory, out int worstTrajectory)
    {
        var worst = 0.0;
        worstTrajectory = 0;
        for (var b = 0; b < perTrajectory.Length; b++)
        {
            var value = perTrajectory[b];
            // NaN compares false, so test it explicitly: a NaN anywhere must make the whole step fail.
            if (double.IsNaN(value))
            {
                worstTrajectory = b;
                return double.NaN;
            }
            if (value > worst)
            {
                worst = value;
                worstTrajectory = b;
            }
        }
        return worst;
    }
}
