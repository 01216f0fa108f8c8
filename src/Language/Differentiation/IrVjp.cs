using System.Collections.Immutable;
using OdeDsl.Language.IR;

namespace OdeDsl.Language.Differentiation;

/// <summary>
/// A vector–Jacobian product of some outputs <c>y</c> as IR: for the cotangent leaves
/// <c>a[k]</c> (<see cref="Cotangents"/>, one per output, <see cref="IrOperation.Cotangent"/> index k),
/// <see cref="State"/>[i] = <c>aᵀ ∂y/∂z_i</c>, <see cref="Parameters"/>[j] = <c>aᵀ ∂y/∂θ_j</c>,
/// <see cref="Inputs"/>[k] = <c>aᵀ ∂y/∂u_k</c>, <see cref="Time"/> = <c>aᵀ ∂y/∂t</c> (the explicit t only; a
/// time-varying input's share <c>aᵀ ∂y/∂u · du/dt</c> is the runtime's, which knows u(t)).
/// Entries that are identically zero are the constant 0.
/// </summary>
public sealed record IrVjp(
    ImmutableArray<IrNode> Cotangents,
    ImmutableArray<IrNode> State,
    ImmutableArray<IrNode> Parameters,
    ImmutableArray<IrNode> Inputs,
    IrNode Time)
{
    /// <summary>All output nodes: state, then parameter, then input, then time cotangents.</summary>
    public ImmutableArray<IrNode> Outputs => State.AddRange(Parameters).AddRange(Inputs).Add(Time);
}
