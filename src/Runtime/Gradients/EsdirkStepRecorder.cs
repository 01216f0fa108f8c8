using OdeDsl.Runtime.Solvers.Stiff;

namespace OdeDsl.Runtime.Gradients;

/// <summary>
/// Keeps every accepted step of a diagonally implicit forward solve for the discrete adjoint: both ends, the converged
/// stages <c>k_j</c> and the two end derivatives of the loop's Hermite dense output. <see cref="RecordedStep.Stages"/>
/// holds <c>[k_0 … k_{s−1}, f(t_n, y_n), f(t_{n+1}, y_{n+1})]</c>, each <c>[B, n]</c>.
/// </summary>
internal sealed class EsdirkStepRecorder(EsdirkTableau tableau) : IStiffStepObserver, IStiffStageObserver
{
    private readonly List<RecordedStep> _steps = [];
    private double[]? _stages;

    public EsdirkTableau Tableau => tableau;

    /// <summary>Register of <c>f(t_n, y_n)</c>; the next one holds <c>f(t_{n+1}, y_{n+1})</c>.</summary>
    public int StartDerivativeRegister => tableau.Stages;

    public int RegisterCount => tableau.Stages + 2;

    public IReadOnlyList<RecordedStep> Steps => _steps;

    public long Bytes => _steps.Sum(step => (long)(step.Start.Length + step.End.Length + step.Stages.Length) * sizeof(double));

    public void Accepted(IReadOnlyList<double[]> stages)
    {
        var size = stages[0].Length;
        _stages = new double[RegisterCount * size];
        for (var j = 0; j < stages.Count; j++)
            stages[j].CopyTo(_stages.AsSpan(j * size, size));
    }

    public void Accepted(double t, double tNew, ReadOnlySpan<double> start, ReadOnlySpan<double> startDerivative,
        ReadOnlySpan<double> end, ReadOnlySpan<double> endDerivative)
    {
        var stages = _stages ?? throw new InvalidOperationException("the stages of the step from t=" + t + " were not reported");
        var size = start.Length;
        startDerivative.CopyTo(stages.AsSpan(StartDerivativeRegister * size, size));
        endDerivative.CopyTo(stages.AsSpan((StartDerivativeRegister + 1) * size, size));
        _steps.Add(new RecordedStep(t, tNew - t, start.ToArray(), end.ToArray(), stages));
        _stages = null;
    }
}
