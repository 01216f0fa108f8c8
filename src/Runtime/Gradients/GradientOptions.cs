using OdeDsl.Runtime.Solvers;

namespace OdeDsl.Runtime.Gradients;

/// <summary>
/// What to differentiate and how. <see cref="Solve"/> is the forward solve: method, <c>[T0, T1]</c>, the observation
/// times (<see cref="SolveOptions.SaveAt"/>, where the loss sees the solution) and the forward tolerances.
/// </summary>
public sealed record GradientOptions
{
    public SolveOptions Solve { get; init; } = new();

    public GradientMethod Method { get; init; } = GradientMethod.Adjoint;

    /// <summary>
    /// Method of the backward (adjoint) solves, explicit or stiff (<see cref="SolveOptions.Method"/>'s names);
    /// <c>null</c> means the forward one. The adjoint of a stiff system is stiff, so stiff forward solves want a stiff
    /// backward method. The discrete adjoint has no backward solve and does not use it (a name given is still checked).
    /// </summary>
    public string? BackwardMethod { get; init; }

    /// <summary>Relative tolerance of the backward solves; <c>null</c> means the forward one. Scalar, or per state of <c>z</c>/<c>a</c>.</summary>
    public Tolerance? BackwardRtol { get; init; }

    /// <summary>Absolute tolerance of the backward solves; <c>null</c> means the forward one. Scalar, or per state of <c>z</c>/<c>a</c>.</summary>
    public Tolerance? BackwardAtol { get; init; }

    /// <summary>
    /// Step-size control of the backward solves ignores the parameter and time adjoints <c>a_θ</c>, <c>a_t</c> (the
    /// "seminorm" of Kidger, Chen and Lyons 2021). They never feed back into the other components, so their error
    /// only affects the gradient itself, which stays accurate in practice; with many parameters it saves steps.
    /// </summary>
    public bool Seminorm { get; init; }

    /// <summary>
    /// Checkpoint segments of <see cref="GradientMethod.Checkpoint"/>: the forward pass keeps the state at
    /// <c>Checkpoints + 1</c> evenly spaced times, so memory is bounded by them and by one segment's steps.
    /// </summary>
    public int Checkpoints { get; init; } = 16;
}
