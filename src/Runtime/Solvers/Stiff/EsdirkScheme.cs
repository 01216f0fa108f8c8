namespace OdeDsl.Runtime.Solvers.Stiff;

/// <summary>
/// The one algorithm behind every <see cref="EsdirkTableau"/>: each implicit stage
/// <c>Z = base + hγ·f(t + c_i h, Z)</c> is solved by simplified Newton iterations with <c>I − hγJ</c>.
/// The Jacobian and its LU are kept across steps; the Jacobian is refreshed only when Newton
/// fails with an old one, and the LU only when <c>hγ</c> changes.
/// </summary>
internal sealed class EsdirkScheme : IOneStepScheme
{
    private const int MaxIterations = 7;

    private readonly StiffProblem _problem;
    private readonly EsdirkTableau _tableau;
    private readonly IterationMatrix _matrix;
    private readonly double[] _jacobian;
    private readonly double[][] _stages;
    private readonly double[] _base;
    private readonly double[] _iterate;
    private readonly double[] _correction;
    private readonly double _newtonTolerance;
    private readonly IStiffStageObserver? _stageObserver;
    private bool _hasJacobian;
    private bool _jacobianCurrent;

    public EsdirkScheme(StiffProblem problem, EsdirkTableau tableau, IStiffStageObserver? stageObserver)
    {
        _problem = problem;
        _tableau = tableau;
        _stageObserver = stageObserver;
        _matrix = new IterationMatrix(problem);
        var size = problem.Size;
        _jacobian = new double[size * problem.StateCount];
        _stages = [.. Enumerable.Range(0, tableau.Stages).Select(_ => new double[size])];
        _base = new double[size];
        _iterate = new double[size];
        _correction = new double[size];
        _newtonTolerance = NewtonSettings.Tolerance(problem.SmallestRtol);
    }

    public int Order => _tableau.Order;

    public int? ControllerOrder => _tableau.ControllerOrder;

    public bool HoldsSmallGrowth => true;

    public StepAttempt TryStep(double t, double h, ReadOnlySpan<double> current, ReadOnlySpan<double> derivative,
        Span<double> candidate, Span<double> error)
    {
        if (!_hasJacobian)
            RefreshJacobian(t, current, derivative);
        while (true)
        {
            if (!_matrix.EnsureFactored(_jacobian, h * _tableau.Gamma))
            {
                if (_jacobianCurrent)
                    return StepAttempt.SingularMatrix;
                RefreshJacobian(t, current, derivative);
                continue;
            }
            if (SolveStages(t, h, current, derivative))
                break;
            if (_jacobianCurrent)
                return StepAttempt.NewtonFailed;
            RefreshJacobian(t, current, derivative);
        }

        current.CopyTo(candidate);
        for (var j = 0; j < _tableau.Stages; j++)
            AddScaled(candidate, h * _tableau.B[j], _stages[j]);
        if (_tableau.ErrorWeights is { } weights)
        {
            error.Clear();
            for (var j = 0; j < _tableau.Stages; j++)
                AddScaled(error, h * weights[j], _stages[j]);
            // Filter the estimate through (I − hγJ)⁻¹ (Shampine; Hairer & Wanner II, IV.8): without it, the
            // stiff components' large but harmless stage differences force tiny steps on stiff problems.
            _matrix.Solve(error);
        }
        return StepAttempt.Computed;
    }

    public void Accepted()
    {
        _jacobianCurrent = false;
        _stageObserver?.Accepted(_stages);
    }

    private void RefreshJacobian(double t, ReadOnlySpan<double> current, ReadOnlySpan<double> derivative)
    {
        _problem.Jacobians.Evaluate(t, current, derivative, _jacobian);
        _matrix.Invalidate();
        _hasJacobian = _jacobianCurrent = true;
    }

    private bool SolveStages(double t, double h, ReadOnlySpan<double> current, ReadOnlySpan<double> derivative)
    {
        var first = 0;
        if (_tableau.FirstStageExplicit)
        {
            derivative.CopyTo(_stages[0]);
            first = 1;
        }
        var hGamma = h * _tableau.Gamma;
        for (var i = first; i < _tableau.Stages; i++)
        {
            var row = _tableau.A[i];
            current.CopyTo(_base);
            for (var j = 0; j < i; j++)
                AddScaled(_base, h * row[j], _stages[j]);
            // Predict with the previous stage's slope (f(t, y) for the first).
            ReadOnlySpan<double> slope = i > 0 ? _stages[i - 1] : derivative;
            for (var index = 0; index < _iterate.Length; index++)
                _iterate[index] = _base[index] + hGamma * slope[index];
            if (!Newton(t + _tableau.C[i] * h, hGamma, _stages[i]))
                return false;
            // k_i from Z_i rather than another evaluation: exact at convergence, and cheaper.
            var stage = _stages[i];
            for (var index = 0; index < stage.Length; index++)
                stage[index] = (_iterate[index] - _base[index]) / hGamma;
        }
        return true;
    }

    /// <summary>Solves <c>Z = base + hγ·f(t, Z)</c> from the prediction in <c>_iterate</c>; <paramref name="scratch"/> holds f.</summary>
    private bool Newton(double t, double hGamma, double[] scratch)
    {
        var previousNorm = double.NaN;
        for (var iteration = 0; iteration < MaxIterations; iteration++)
        {
            _problem.Derivative(t, _iterate, scratch);
            for (var index = 0; index < _correction.Length; index++)
                _correction[index] = _base[index] + hGamma * scratch[index] - _iterate[index];
            _matrix.Solve(_correction);
            for (var index = 0; index < _correction.Length; index++)
                _iterate[index] += _correction[index];
            var norm = _problem.ErrorNorm(_correction, _iterate);
            if (!double.IsFinite(norm))
                return false;
            if (norm == 0)
                return true;
            if (iteration > 0)
            {
                var rate = norm / previousNorm;
                if (rate >= NewtonSettings.DivergentRate)
                    return false;
                if (rate / (1 - rate) * norm < _newtonTolerance)
                    return true;
            }
            else if (norm < 0.1 * _newtonTolerance)
            {
                return true;
            }
            previousNorm = norm;
        }
        return false;
    }

    private static void AddScaled(Span<double> target, double factor, ReadOnlySpan<double> source)
    {
        if (factor == 0)
            return;
        for (var index = 0; index < target.Length; index++)
            target[index] += factor * source[index];
    }
}
