namespace OdeDsl.Runtime.Torch;

/// <summary>How an <see cref="OdeBlock"/> computes gradients.</summary>
public enum OdeBlockGradient
{
    /// <summary>
    /// Adjoint backsolve (Chen et al. 2018, Alg. 2) in a custom autograd function: the forward solve keeps
    /// no tape, the backward pass integrates <c>[z, a, a_θ]</c> back in time with VJPs from
    /// <c>torch.autograd.grad</c>. Memory does not grow with the number of steps.
    /// </summary>
    Adjoint,

    /// <summary>
    /// The runtime's checkpointed (interpolating) adjoint (<see cref="Gradients.GradientMethod.Checkpoint"/>) on the
    /// module's dynamics through <see cref="ModuleTensorKernel"/>: accurate where the backward <c>z</c> solve is
    /// unstable. Its forward pass re-solves (in float64) inside the backward call.
    /// </summary>
    CheckpointedAdjoint,

    /// <summary>
    /// The runtime's discrete adjoint (<see cref="Gradients.GradientMethod.Discrete"/>) on the module's dynamics: the
    /// exact gradient of the adaptive discretised solve, through each stage's VJP; memory grows with the steps.
    /// </summary>
    DiscreteAdjoint,

    /// <summary>
    /// Backpropagation through the solver, recorded on the autograd tape: the exact gradient of the discretised
    /// solution; memory grows with the number of steps. With <see cref="OdeBlockOptions.Dt"/> the steps are fixed;
    /// without it an adaptive solve picks them untaped and its accepted steps are replayed on the tape (step sizes
    /// held fixed, as diffrax does), which costs the replay's evaluations on top of the solve's.
    /// </summary>
    Backpropagation,
}
