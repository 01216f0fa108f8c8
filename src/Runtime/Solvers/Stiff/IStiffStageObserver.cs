namespace OdeDsl.Runtime.Solvers.Stiff;

/// <summary>
/// Sees the converged stages <c>k_j</c> of every accepted step of a diagonally implicit method, just before the loop's
/// <see cref="IStiffStepObserver.Accepted"/> for the same step, so the discrete adjoint can differentiate them.
/// </summary>
internal interface IStiffStageObserver
{
    /// <summary>One <c>[B, n]</c> array per stage, in the tableau's order; only valid during the call.</summary>
    void Accepted(IReadOnlyList<double[]> stages);
}
