using OdeDsl.Runtime.Solvers;

namespace OdeDsl.Runtime.Torch;

/// <summary>
/// Work of an <see cref="OdeBlock"/>'s latest forward and backward pass, in evaluations of the dynamics on the whole
/// batch (the NFE of Chen et al. 2018 and Dupont et al. 2019).
/// </summary>
/// <param name="Forward">The forward solve: its function evaluations (rejected steps and the initial step
/// selection included), accepted and rejected steps. For fixed-step backpropagation, the taped solve.</param>
/// <param name="Taped">Evaluations recorded on the autograd tape by <see cref="OdeBlockGradient.Backpropagation"/>:
/// with an adaptive method, the replay of the accepted steps (stages that reach the solution only), on top of
/// <paramref name="Forward"/>; 0 for the adjoints.</param>
/// <param name="Backward">Evaluations in the backward pass: each a vector–Jacobian product of the dynamics (the
/// adjoint's augmented dynamics, a stage VJP, or one taped evaluation backpropagated), plus the checkpointed
/// adjoint's re-solved forward segments.</param>
public readonly record struct OdeBlockStats(SolverStats Forward, int Taped, int Backward);
