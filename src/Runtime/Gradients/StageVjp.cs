namespace OdeDsl.Runtime.Gradients;

/// <summary>
/// The VJP of one stage for the discrete adjoint's step sweeps: the stage's argument <see cref="Input"/> is written by
/// the sweep, <see cref="StateCotangent"/> receives <c>aᵀ∂f/∂z</c>, and <c>aᵀ∂f/∂θ</c> is summed over trajectories
/// and steps.
/// </summary>
internal sealed class StageVjp(GradientProblem problem)
{
    private readonly double[] _parameterCotangent = new double[problem.Trajectories * problem.ParameterCount];
    private readonly double[] _parameterSum = new double[problem.ParameterCount];
    private readonly double[] _timeCotangent = new double[problem.Trajectories];

    /// <summary>The stage's argument <c>[B, n]</c>, set by the caller before <see cref="Apply"/>.</summary>
    public double[] Input { get; } = new double[problem.Trajectories * problem.StateCount];

    /// <summary><c>aᵀ∂f/∂z</c> of the last <see cref="Apply"/> that returned true.</summary>
    public double[] StateCotangent { get; } = new double[problem.Trajectories * problem.StateCount];

    /// <summary>VJP calls made.</summary>
    public int Evaluations { get; private set; }

    /// <summary><c>∂L/∂θ</c> accumulated so far.</summary>
    public double[] SumParameters() => (double[])_parameterSum.Clone();

    /// <summary>The VJP at <c>(time, Input)</c> for a cotangent; false (and no call) when the cotangent is zero.</summary>
    public bool Apply(double time, ReadOnlySpan<double> cotangent, out double timeSum)
    {
        timeSum = 0;
        if (!cotangent.ContainsAnyExcept(0.0))
            return false;
        problem.Kernel.Vjp(time, Input, problem.Parameters, cotangent, StateCotangent, _parameterCotangent, _timeCotangent);
        Evaluations++;
        var p = problem.ParameterCount;
        for (var b = 0; b < _timeCotangent.Length; b++)
        {
            timeSum += _timeCotangent[b];
            for (var j = 0; j < p; j++)
                _parameterSum[j] += _parameterCotangent[b * p + j];
        }
        return true;
    }
}
