namespace OdeDsl.Runtime.Gradients;

/// <summary>How <see cref="Gradient"/> differentiates a solve (docs/gradients.md compares them).</summary>
public enum GradientMethod
{
    /// <summary>
    /// Adjoint backsolve (Chen et al. 2018, Algorithm 2): <c>[z, a, a_θ, a_t]</c> integrated backwards, memory
    /// independent of the horizon; wrong where the backwards <c>z</c> solve is unstable (chaotic or stiff decay).
    /// </summary>
    Adjoint,

    /// <summary>
    /// Checkpointed (interpolating) adjoint: the forward pass keeps <see cref="GradientOptions.Checkpoints"/> states; the
    /// backward pass re-solves each segment forwards from its checkpoint and integrates <c>[a, a_θ, a_t]</c>
    /// against the re-solved dense output. Memory grows with the checkpoints and the longest segment's steps.
    /// </summary>
    Checkpoint,

    /// <summary>
    /// Discrete adjoint: backpropagation through the solver's accepted steps, stages and dense output; the exact
    /// gradient of the discretised solution with step sizes held constant. Explicit methods, and the diagonally
    /// implicit trbdf2 and implicit-euler (their stages by the implicit-function theorem); not rodas4 or bdf. Memory
    /// grows with the number of steps.
    /// </summary>
    Discrete,
}
