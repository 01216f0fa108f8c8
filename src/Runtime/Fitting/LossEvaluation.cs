namespace OdeDsl.Runtime.Fitting;

/// <summary>
/// The loss and what a gradient method needs from it. Per trajectory <c>k</c>:
/// <see cref="States"/>[k] holds <c>z(t_i)</c> at its data times (<c>[T_k, n]</c>) and
/// <see cref="StateCotangents"/>[k] holds <c>∂L/∂z(t_i)</c> (<c>[T_k, n]</c>), the adjoint's jumps.
/// <see cref="DirectParameterGradient"/> is the part of <c>∂L/∂θ</c> that flows through the observation
/// expressions themselves, not through the solution (<c>[p]</c>).
/// </summary>
public sealed record LossEvaluation(
    double Value,
    IReadOnlyList<IReadOnlyList<double>> Times,
    IReadOnlyList<double[]> InitialStates,
    IReadOnlyList<double[]> States,
    IReadOnlyList<double[]> StateCotangents,
    double[] DirectParameterGradient);
