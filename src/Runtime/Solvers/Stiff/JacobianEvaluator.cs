using OdeDsl.Runtime.Systems;

namespace OdeDsl.Runtime.Solvers.Stiff;

/// <summary>
/// <c>∂f/∂y</c> for every trajectory (<c>[B, n, n]</c>): the system's own (generated, exact) Jacobian,
/// or forward differences for systems without one (module-based dynamics), one batched function
/// evaluation per column. Also <c>∂f/∂t</c> for Rosenbrock methods, by a forward difference.
/// </summary>
internal sealed class JacobianEvaluator
{
    private static readonly double SqrtEpsilon = Math.Sqrt(2.220446049250313e-16);

    private readonly StiffProblem _problem;
    private readonly IOdeKernel<double> _kernel;
    private readonly double[] _parameters;
    private double[]? _shifted;
    private double[]? _shiftedDerivative;
    private double[]? _steps;

    public JacobianEvaluator(StiffProblem problem, IOdeKernel<double> kernel, double[] parameters)
    {
        _problem = problem;
        _kernel = kernel;
        _parameters = parameters;
    }

    /// <summary>Jacobians evaluated (exact or by differences).</summary>
    public int Evaluations { get; private set; }

    /// <summary>True once the system turned out to have no Jacobian of its own.</summary>
    public bool UsesFiniteDifferences { get; private set; }

    /// <param name="derivatives"><c>f(t, states)</c>, already known to every caller.</param>
    public void Evaluate(double t, ReadOnlySpan<double> states, ReadOnlySpan<double> derivatives, Span<double> jacobian)
    {
        Evaluations++;
        if (!UsesFiniteDifferences)
        {
            try
            {
                _kernel.Jacobian(t, states, _parameters, jacobian);
                return;
            }
            catch (NotSupportedException)
            {
                UsesFiniteDifferences = true;
            }
        }
        FiniteDifferences(t, states, derivatives, jacobian);
    }

    /// <summary><c>∂f/∂t ≈ (f(t + δ, y) − f(t, y)) / δ</c>.</summary>
    public void TimeDerivative(double t, ReadOnlySpan<double> states, ReadOnlySpan<double> derivatives,
        Span<double> timeDerivative)
    {
        var delta = SqrtEpsilon * Math.Max(Math.Abs(t), 1e-5);
        _problem.Derivative(t + delta, states, timeDerivative);
        for (var index = 0; index < timeDerivative.Length; index++)
            timeDerivative[index] = (timeDerivative[index] - derivatives[index]) / delta;
    }

    private void FiniteDifferences(double t, ReadOnlySpan<double> states, ReadOnlySpan<double> derivatives,
        Span<double> jacobian)
    {
        var n = _problem.StateCount;
        var trajectories = _problem.Trajectories;
        _shifted ??= new double[states.Length];
        _shiftedDerivative ??= new double[states.Length];
        _steps ??= new double[trajectories];
        for (var column = 0; column < n; column++)
        {
            // One column for the whole batch at once: trajectories do not couple.
            states.CopyTo(_shifted);
            for (var b = 0; b < trajectories; b++)
            {
                var value = states[b * n + column];
                var step = SqrtEpsilon * Math.Max(Math.Abs(value), 1e-5);
                _shifted[b * n + column] = value + step;
                _steps[b] = _shifted[b * n + column] - value;
            }
            _problem.Derivative(t, _shifted, _shiftedDerivative);
            for (var b = 0; b < trajectories; b++)
                for (var row = 0; row < n; row++)
                    jacobian[(b * n + row) * n + column] =
                        (_shiftedDerivative[b * n + row] - derivatives[b * n + row]) / _steps[b];
        }
    }
}
