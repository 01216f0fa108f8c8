using OdeDsl.Runtime.Systems;

namespace OdeDsl.Runtime.Solvers.Stiff;

/// <summary>
/// What every stiff method works on: the kernel, the batch sizes, the tolerances and the work
/// counters. States are <c>[B, n]</c> row-major spans of double; each trajectory gets its own
/// Jacobian and LU, while the step size is shared by the batch (docs/solvers.md).
/// </summary>
internal sealed class StiffProblem
{
    private readonly IOdeKernel<double> _kernel;
    private readonly double[] _parameters;
    private readonly double[] _rtol;
    private readonly double[] _atol;

    public StiffProblem(IOdeKernel<double> kernel, ReadOnlySpan<double> parameters, int stateCount, int trajectories,
        Tolerance rtol, Tolerance atol)
    {
        _kernel = kernel;
        _parameters = parameters.ToArray();
        StateCount = stateCount;
        Trajectories = trajectories;
        _rtol = new double[stateCount];
        _atol = new double[stateCount];
        for (var i = 0; i < stateCount; i++)
        {
            _rtol[i] = rtol.For(i);
            _atol[i] = atol.For(i);
        }
        Jacobians = new JacobianEvaluator(this, kernel, _parameters);
    }

    public int StateCount { get; }

    public int Trajectories { get; }

    /// <summary><c>B·n</c>.</summary>
    public int Size => StateCount * Trajectories;

    public JacobianEvaluator Jacobians { get; }

    public int FunctionEvaluations { get; set; }

    public int LuFactorizations { get; set; }

    /// <summary>The smallest relative tolerance, which sets the Newton tolerance.</summary>
    public double SmallestRtol => _rtol.Min();

    public double Rtol(int component) => _rtol[component];

    public double Atol(int component) => _atol[component];

    /// <summary><c>derivatives = f(t, states)</c> for the batch; one function evaluation.</summary>
    public void Derivative(double t, ReadOnlySpan<double> states, Span<double> derivatives)
    {
        _kernel.Derivative(t, states, _parameters, derivatives);
        FunctionEvaluations++;
    }

    /// <summary>
    /// The worst trajectory's RMS of <c>error_i / (atol_i + rtol_i·max(|a_i|, |b_i|))</c>, as the
    /// explicit methods measure it. NaN when any entry is NaN.
    /// </summary>
    public double ErrorNorm(ReadOnlySpan<double> error, ReadOnlySpan<double> a, ReadOnlySpan<double> b,
        out int worstTrajectory)
    {
        var n = StateCount;
        var worst = 0.0;
        worstTrajectory = 0;
        for (var trajectory = 0; trajectory < Trajectories; trajectory++)
        {
            var sum = 0.0;
            for (var i = 0; i < n; i++)
            {
                var index = trajectory * n + i;
                var scaled = error[index] / (_atol[i] + _rtol[i] * Math.Max(Math.Abs(a[index]), Math.Abs(b[index])));
                sum += scaled * scaled;
            }
            var norm = Math.Sqrt(sum / n);
            if (double.IsNaN(norm))
            {
                worstTrajectory = trajectory;
                return double.NaN;
            }
            if (norm > worst)
            {
                worst = norm;
                worstTrajectory = trajectory;
            }
        }
        return worst;
    }

    public double ErrorNorm(ReadOnlySpan<double> error, ReadOnlySpan<double> scaleBy) =>
        ErrorNorm(error, scaleBy, scaleBy, out _);
}
