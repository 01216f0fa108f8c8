using OdeDsl.Runtime.Solvers.ErrorEstimation;
using OdeDsl.Runtime.Solvers.Tableaux;

namespace OdeDsl.Runtime.Solvers.Stiff;

/// <summary>
/// An explicit embedded FSAL Runge–Kutta pair (Dormand–Prince 5(4)) as a one-step scheme for the
/// switching method, with Hairer's stiffness estimate: <c>h·ρ ≈ h·‖k_s − k_{s−1}‖ / ‖Y_s − Y_{s−1}‖</c>
/// from the last two stages (Hairer &amp; Wanner I, IV.10 / DOPRI5's <c>hlamb</c>).
/// </summary>
internal sealed class ExplicitScheme : IOneStepScheme
{
    private readonly StiffProblem _problem;
    private readonly ButcherTableau _tableau;
    private readonly double[] _errorWeights;
    private readonly double[][] _stages;
    private readonly double[] _stageInput;
    private readonly double[] _previousStageInput;

    public ExplicitScheme(StiffProblem problem, RungeKuttaMethod method)
    {
        if (!method.Tableau.Fsal || method.ErrorEstimate is not EmbeddedErrorEstimate estimate)
            throw new ArgumentException($"{method.Name} is not an embedded FSAL pair.", nameof(method));
        _problem = problem;
        _tableau = method.Tableau;
        _errorWeights = [.. estimate.Weights];
        _stages = [.. Enumerable.Range(0, _tableau.Stages).Select(_ => new double[problem.Size])];
        _stageInput = new double[problem.Size];
        _previousStageInput = new double[problem.Size];
        ControllerOrder = estimate.ControllerOrder;
    }

    public int Order => _tableau.Order;

    public int? ControllerOrder { get; }

    public bool HoldsSmallGrowth => false;

    /// <summary><c>|h|·ρ</c> of the last computed step: above about 3.3 the step is limited by stability, not accuracy.</summary>
    public double StiffnessRatio { get; private set; }

    public StepAttempt TryStep(double t, double h, ReadOnlySpan<double> current, ReadOnlySpan<double> derivative,
        Span<double> candidate, Span<double> error)
    {
        derivative.CopyTo(_stages[0]);
        for (var i = 1; i < _tableau.Stages; i++)
        {
            _stageInput.CopyTo(_previousStageInput);
            current.CopyTo(_stageInput);
            var row = _tableau.A[i];
            for (var j = 0; j < row.Length; j++)
                AddScaled(_stageInput, h * row[j], _stages[j]);
            _problem.Derivative(t + _tableau.C[i] * h, _stageInput, _stages[i]);
        }
        // FSAL: the last stage input is y_{n+1}.
        _stageInput.CopyTo(candidate);
        error.Clear();
        for (var j = 0; j < _errorWeights.Length; j++)
            AddScaled(error, h * _errorWeights[j], _stages[j]);

        var last = _tableau.Stages - 1;
        double stageDifference = 0, inputDifference = 0;
        for (var index = 0; index < candidate.Length; index++)
        {
            var df = _stages[last][index] - _stages[last - 1][index];
            var dy = _stageInput[index] - _previousStageInput[index];
            stageDifference += df * df;
            inputDifference += dy * dy;
        }
        StiffnessRatio = inputDifference > 0 ? Math.Abs(h) * Math.Sqrt(stageDifference / inputDifference) : 0;
        return StepAttempt.Computed;
    }

    public void Accepted()
    {
    }

    private static void AddScaled(Span<double> target, double factor, ReadOnlySpan<double> source)
    {
        for (var index = 0; index < target.Length; index++)
            target[index] += factor * source[index];
    }
}
