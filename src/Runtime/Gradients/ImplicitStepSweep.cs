using OdeDsl.Runtime.Solvers.Stiff;
using static OdeDsl.Runtime.Gradients.SweepVectors;

namespace OdeDsl.Runtime.Gradients;

/// <summary>
/// The reverse of one diagonally implicit step (<see cref="EsdirkTableau"/>: trbdf2, implicit-euler) for
/// <see cref="DiscreteAdjoint"/>. Each implicit stage is <c>k_j = f(t + c_j h, Z_j)</c> with
/// <c>Z_j = y_n + h Σ_{l≤j} a_jl k_l</c>, so <c>k_j</c> appears on both sides. By the implicit-function theorem its
/// cotangent <c>k̄_j</c> first becomes <c>λ_j = (I − hγ J_j)⁻ᵀ k̄_j</c>, with the Jacobian <c>J_j</c> at the converged
/// <c>Z_j</c> (not the solver's reused one), and then goes through the VJP of f at <c>Z_j</c> like an explicit stage.
/// The gradient is exact for the recorded stage values: the Newton iterations count as converged, which they are to
/// a fraction of the tolerance (docs/gradients.md). The save points inside a step take the loop's cubic Hermite
/// interpolant through <c>y_n, f(t_n, y_n), y_{n+1}, f(t_{n+1}, y_{n+1})</c>, differentiated exactly.
/// </summary>
internal sealed class ImplicitStepSweep : IStepSweep
{
    private readonly GradientProblem _problem;
    private readonly EsdirkTableau _tableau;
    private readonly int _size;
    private readonly int _startDerivative;
    private readonly double[] _stageBar;
    private readonly double[] _startBar;
    private readonly StageVjp _vjp;
    private readonly double[] _jacobian;
    private readonly double[] _transposed;
    private readonly int[] _pivots;
    private int _jacobians;
    private readonly double[] _weights = new double[4];
    private readonly double[] _slopes = new double[4];

    public ImplicitStepSweep(GradientProblem problem, EsdirkStepRecorder recorder)
    {
        _problem = problem;
        _tableau = recorder.Tableau;
        var (n, trajectories) = (problem.StateCount, problem.Trajectories);
        _size = trajectories * n;
        _startDerivative = recorder.StartDerivativeRegister;
        _stageBar = new double[recorder.RegisterCount * _size];
        _startBar = new double[_size];
        _vjp = new StageVjp(problem);
        _jacobian = new double[trajectories * n * n];
        _transposed = new double[n * n];
        _pivots = new int[n];
    }

    /// <summary>VJPs, and the Jacobians of the implicit stages.</summary>
    public int Evaluations => _vjp.Evaluations + _jacobians;

    public double[] SumParameters() => _vjp.SumParameters();

    public (double Time, double Step)? Reverse(RecordedStep step, double[] yBar, List<int> interiorSaves,
        double[] stateGradients, double[] times)
    {
        var (t, h) = (step.T, step.H);
        Array.Clear(_stageBar);
        Array.Clear(_startBar);
        double timeBar = 0, stepBar = 0;

        // Save points inside the step: z(θ) = w0 y_n + h w1 f_n + w2 y_{n+1} + h w3 f_{n+1}, θ = (s − t)/h.
        var startDerivativeBar = StageBar(_startDerivative);
        var endDerivativeBar = StageBar(_startDerivative + 1);
        foreach (var save in interiorSaves)
        {
            var g = stateGradients.AsSpan(save * _size, _size);
            var theta = (times[save] - t) / h;
            HermiteWeights(theta);
            var (weights, slopes) = (_weights, _slopes);
            AddScaled(_startBar, weights[0], g);
            AddScaled(startDerivativeBar, h * weights[1], g);
            AddScaled(yBar, weights[2], g);
            AddScaled(endDerivativeBar, h * weights[3], g);
            var (startProjection, startSlopeProjection) = (Dot(g, step.Start), Dot(g, Stage(step, _startDerivative)));
            var (endProjection, endSlopeProjection) = (Dot(g, step.End), Dot(g, Stage(step, _startDerivative + 1)));
            var thetaSlope = slopes[0] * startProjection + h * slopes[1] * startSlopeProjection
                + slopes[2] * endProjection + h * slopes[3] * endSlopeProjection;
            stepBar += weights[1] * startSlopeProjection + weights[3] * endSlopeProjection - theta / h * thetaSlope;
            timeBar -= thetaSlope / h;
        }

        // f_{n+1} = f(t + h, y_{n+1}), the interpolant's end slope.
        step.End.CopyTo(_vjp.Input, 0);
        if (_vjp.Apply(t + h, endDerivativeBar, out var endTimeBar))
        {
            AddScaled(yBar, 1, _vjp.StateCotangent);
            timeBar += endTimeBar;
            stepBar += endTimeBar;
        }

        // y_{n+1} = y_n + h Σ b_j k_j.
        AddScaled(_startBar, 1, yBar);
        for (var j = 0; j < _tableau.Stages; j++)
        {
            AddScaled(StageBar(j), h * _tableau.B[j], yBar);
            stepBar += _tableau.B[j] * Dot(yBar, Stage(step, j));
        }

        for (var j = _tableau.Stages - 1; j >= 0; j--)
        {
            if (j == 0 && _tableau.FirstStageExplicit)
            {
                // k_0 = f(t, y_n): an explicit stage.
                step.Start.CopyTo(_vjp.Input, 0);
                if (_vjp.Apply(t, StageBar(0), out var firstTimeBar))
                {
                    AddScaled(_startBar, 1, _vjp.StateCotangent);
                    timeBar += firstTimeBar;
                }
                continue;
            }
            var stageTime = t + _tableau.C[j] * h;
            StageInput(step, j, h);
            if (!SolveTransposed(stageTime, h * _tableau.Gamma, StageBar(j)))
                return null;
            if (!_vjp.Apply(stageTime, StageBar(j), out var stageTimeBar))
                continue;
            timeBar += stageTimeBar;
            stepBar += _tableau.C[j] * stageTimeBar;
            AddScaled(_startBar, 1, _vjp.StateCotangent);
            var row = _tableau.A[j];
            for (var l = 0; l <= j; l++)
            {
                if (row[l] == 0)
                    continue;
                if (l < j)
                    AddScaled(StageBar(l), h * row[l], _vjp.StateCotangent);
                stepBar += row[l] * Dot(_vjp.StateCotangent, Stage(step, l));
            }
        }

        // f_n = f(t, y_n), the interpolant's start slope.
        step.Start.CopyTo(_vjp.Input, 0);
        if (_vjp.Apply(t, startDerivativeBar, out var startTimeBar))
        {
            AddScaled(_startBar, 1, _vjp.StateCotangent);
            timeBar += startTimeBar;
        }

        _startBar.CopyTo(yBar, 0);
        return (timeBar, stepBar);
    }

    /// <summary>
    /// Overwrites <paramref name="stageBar"/> with <c>(I − hγ J)⁻ᵀ stageBar</c>, J at <c>(time, _vjp.Input)</c>, trajectory by
    /// trajectory; false when a matrix is singular or not finite.
    /// </summary>
    private bool SolveTransposed(double time, double hGamma, Span<double> stageBar)
    {
        if (!stageBar.ContainsAnyExcept(0.0))
            return true;
        var n = _problem.StateCount;
        _problem.Kernel.Jacobian(time, _vjp.Input, _problem.Parameters, _jacobian);
        _jacobians++;
        for (var b = 0; b < _problem.Trajectories; b++)
        {
            var jacobian = _jacobian.AsSpan(b * n * n, n * n);
            for (var i = 0; i < n; i++)
                for (var k = 0; k < n; k++)
                    _transposed[i * n + k] = (i == k ? 1 : 0) - hGamma * jacobian[k * n + i];
            if (!DenseLu.Factor(_transposed, n, _pivots))
                return false;
            DenseLu.Solve(_transposed, n, _pivots, stageBar.Slice(b * n, n));
        }
        return true;
    }

    /// <summary><c>_vjp.Input = Z_j = y_n + h Σ_{l≤j} a_jl k_l</c>, the converged argument of stage j.</summary>
    private void StageInput(RecordedStep step, int j, double h)
    {
        step.Start.CopyTo(_vjp.Input, 0);
        var row = _tableau.A[j];
        for (var l = 0; l <= j; l++)
            if (row[l] != 0)
                AddScaled(_vjp.Input, h * row[l], Stage(step, l));
    }

    /// <summary>Writes the cubic Hermite weights of <c>y_n, h f_n, y_{n+1}, h f_{n+1}</c> at θ, and their θ-derivatives, into <c>_weights</c>, <c>_slopes</c>.</summary>
    private void HermiteWeights(double theta)
    {
        var (theta2, theta3) = (theta * theta, theta * theta * theta);
        (_weights[0], _weights[1], _weights[2], _weights[3]) =
            (2 * theta3 - 3 * theta2 + 1, theta3 - 2 * theta2 + theta, -2 * theta3 + 3 * theta2, theta3 - theta2);
        (_slopes[0], _slopes[1], _slopes[2], _slopes[3]) =
            (6 * theta2 - 6 * theta, 3 * theta2 - 4 * theta + 1, -6 * theta2 + 6 * theta, 3 * theta2 - 2 * theta);
    }

    private Span<double> StageBar(int register) => _stageBar.AsSpan(register * _size, _size);

    private ReadOnlySpan<double> Stage(RecordedStep step, int register) => step.Stages.AsSpan(register * _size, _size);
}
