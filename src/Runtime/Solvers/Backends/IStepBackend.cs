namespace OdeDsl.Runtime.Solvers.Backends;

/// <summary>
/// The state arithmetic the one integration loop needs, over <c>[B, n]</c> batches held by a
/// backend (spans of <c>double</c>/<c>float</c>, or tensors). Stage registers are numbered as in
/// <see cref="RungeKuttaMethod"/>; coefficients arrive as doubles and the backend applies them in
/// its own precision.
/// </summary>
internal interface IStepBackend
{
    int Trajectories { get; }

    int StateCount { get; }

    /// <summary><c>stage[k] = f(t, input)</c>.</summary>
    void Evaluate(double t, StateRegister input, int stage);

    /// <summary>
    /// <c>target = origin + h·Σ_j weights[j]·stage[j]</c> over the stages listed in <paramref name="terms"/>
    /// (the non-zero weights, listed once per tableau row by <see cref="StageTerms"/>).
    /// </summary>
    void Combine(StateRegister target, StateRegister origin, double h, ReadOnlySpan<double> weights, ReadOnlySpan<int> terms);

    void Copy(StateRegister target, StateRegister source);

    /// <summary>
    /// Per trajectory, <c>Σ_i (e_i / (atol_i + rtol_i·max(|current_i|, |candidate_i|)))²</c> with
    /// <c>e = h·Σ_j weights[j]·stage[j]</c> over the stages listed in <paramref name="terms"/>.
    /// </summary>
    void SumScaledSquares(double h, ReadOnlySpan<double> weights, ReadOnlySpan<int> terms, Span<double> perTrajectory);

    /// <summary>Per trajectory, <c>Σ_i (y_i / (atol_i + rtol_i·max(|current_i|, |candidate_i|)))²</c>.</summary>
    void SumScaledSquares(StateRegister register, Span<double> perTrajectory);

    /// <summary>
    /// Forgets every stage but the first after a step whose stages went non-finite, so a stale NaN
    /// cannot reach a later combination through a zero weight (0·NaN is NaN in a matrix product).
    /// </summary>
    void DiscardStagesAfterFirst();

    /// <summary>Finds a NaN or infinite entry of a state register.</summary>
    bool TryFindNonFinite(StateRegister register, out int trajectory, out int component);

    /// <summary>Finds a NaN or infinite entry of a stage register.</summary>
    bool TryFindNonFiniteStage(int stage, out int trajectory, out int component);

    /// <summary>Exchanges two state registers' contents (by reference, not by copying).</summary>
    void Swap(StateRegister first, StateRegister second);

    /// <summary>Exchanges two stage registers' contents (by reference, not by copying).</summary>
    void SwapStages(int first, int second);

    /// <summary>Stores a register as save point <paramref name="index"/>.</summary>
    void Save(int index, StateRegister source);
}
