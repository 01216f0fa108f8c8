namespace OdeDsl.Runtime.Solvers.Stiff;

/// <summary>
/// The one algorithm behind every <see cref="RosenbrockTableau"/>: linearly implicit stages, one LU
/// of <c>I − hγJ</c> per step size and no Newton iterations. The Jacobian is evaluated once per
/// step start and reused by rejected attempts from the same point.
/// </summary>
internal sealed class RosenbrockScheme : IOneStepScheme
{
    private readonly StiffProblem _problem;
    private readonly RosenbrockTableau _tableau;
    private readonly IterationMatrix _matrix;
    private readonly double[] _jacobian;
    private readonly double[] _timeDerivative;
    private readonly double[][] _stages;
    private readonly double[] _stageInput;
    private readonly double[] _stageDerivative;
    private bool _jacobianCurrent;

    public RosenbrockScheme(StiffProblem problem, RosenbrockTableau tableau)
    {
        _problem = problem;
        _tableau = tableau;
        _matrix = new IterationMatrix(problem);
        var size = problem.Size;
        _jacobian = new double[size * problem.StateCount];
        _timeDerivative = new double[size];
        _stages = [.. Enumerable.Range(0, tableau.Stages).Select(_ => new double[size])];
        _stageInput = new double[size];
        _stageDerivative = new double[size];
    }

    public int Order => _tableau.Order;

    public int? ControllerOrder => _tableau.EmbeddedOrder + 1;

    public bool HoldsSmallGrowth => false;

    public StepAttempt TryStep(double t, double h, ReadOnlySpan<double> current, ReadOnlySpan<double> derivative,
        Span<double> candidate, Span<double> error)
    {
        if (!_jacobianCurrent)
        {
            _problem.Jacobians.Evaluate(t, current, derivative, _jacobian);
            _problem.Jacobians.TimeDerivative(t, current, derivative, _timeDerivative);
            _matrix.Invalidate();
            _jacobianCurrent = true;
        }
        var hGamma = h * _tableau.Gamma;
        if (!_matrix.EnsureFactored(_jacobian, hGamma))
            return StepAttempt.SingularMatrix;

        for (var i = 0; i < _tableau.Stages; i++)
        {
            var a = _tableau.A[i];
            var c = _tableau.C[i];
            ReadOnlySpan<double> stageDerivative = derivative;
            if (i > 0)
            {
                current.CopyTo(_stageInput);
                for (var j = 0; j < a.Length; j++)
                    AddScaled(_stageInput, a[j], _stages[j]);
                _problem.Derivative(t + _tableau.Alpha[i] * h, _stageInput, _stageDerivative);
                stageDerivative = _stageDerivative;
            }
            var stage = _stages[i];
            var timeTerm = _tableau.GammaSums[i] * h;
            for (var index = 0; index < stage.Length; index++)
            {
                var sum = stageDerivative[index] + timeTerm * _timeDerivative[index];
                for (var j = 0; j < c.Length; j++)
                    sum += c[j] / h * _stages[j][index];
                stage[index] = hGamma * sum;
            }
            _matrix.Solve(stage);
        }

        current.CopyTo(candidate);
        error.Clear();
        for (var j = 0; j < _tableau.Stages; j++)
        {
            AddScaled(candidate, _tableau.M[j], _stages[j]);
            AddScaled(error, _tableau.E[j], _stages[j]);
        }
        return StepAttempt.Computed;
    }

    public void Accepted() => _jacobianCurrent = false;

    private static void AddScaled(Span<double> target, double factor, ReadOnlySpan<double> source)
    {
        if (factor == 0)
            return;
        for (var index = 0; index < target.Length; index++)
            target[index] += factor * source[index];
    }
}
