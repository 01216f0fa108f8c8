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

    /// <summary><c>target = origin + h·Σ_j weights[j]·stage[j]</c>, skipping zero weights.</summary>
    void Combine(StateRegister target, StateRegister origin, double h, ReadOnlySpan<double> weights);

    void Copy(StateRegister target, StateRegister source);

    /// <summary>
    /// Per trajectory, <c>Σ_i (e_i / (atol_i + rtol_i·max(|current_i|, |candidate_i|)))²</c> with
    /// <c>e = h·Σ_j weights[j]·stage[j]</c>.
    /// </summary>
    void SumScaledSquares(double h, ReadOnlySpan<double> weights, Span<double> perTrajectory);

    /// <summary>Per trajectory, <c>Σ_i (y_i / (atol_i + rtol_i·max(|current_i|, |candidate_i|)))²</c>.</summary>
    void SumScaledSquares(StateRegister register, Span<double> perTrajectory);

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
