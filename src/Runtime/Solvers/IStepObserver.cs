namespace OdeDsl.Runtime.Solvers;

/// <summary>
/// Watches the integration loop's accepted steps. When <see cref="Accepted"/> runs, the backend holds
/// <c>y_n</c> in <c>Current</c>, <c>y_{n+1}</c> in <c>Candidate</c> and every stage register of the step
/// (with the dense output's extra stages when <see cref="NeedsExtraStages"/> is set).
/// </summary>
internal interface IStepObserver
{
    /// <summary>Evaluate the dense output's extra stages on every step, not only on steps with save points.</summary>
    bool NeedsExtraStages { get; }

    /// <summary>The step from <paramref name="t"/> of size <paramref name="h"/> (signed) was accepted.</summary>
    void Accepted(double t, double h);
}
