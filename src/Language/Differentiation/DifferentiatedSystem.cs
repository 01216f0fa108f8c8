using System.Collections.Immutable;
using OdeDsl.Language.IR;

namespace OdeDsl.Language.Differentiation;

/// <summary>
/// A lowered system with its derivatives, all in one hash-consed DAG (the derivative IR shares
/// every subexpression with the forward IR):
/// <list type="bullet">
/// <item><see cref="DerivativeVjp"/>: <c>aᵀ ∂f/∂z</c>, <c>aᵀ ∂f/∂θ</c>, <c>aᵀ ∂f/∂u</c> (inputs), <c>aᵀ ∂f/∂t</c> for cotangents a[0..n).</item>
/// <item><see cref="Jacobian"/>: <c>∂f_i/∂z_j</c> at <c>[i * n + j]</c> (row-major, n × n), from forward mode.</item>
/// <item><see cref="AuxiliaryVjp"/> and <see cref="ObservationVjp"/>: the same for the aux and observe
/// outputs (cotangent k belongs to output k of <see cref="IrSystem.Auxiliaries"/> / <see cref="IrSystem.Observations"/>).</item>
/// <item><see cref="InitialValueVjp"/>: <c>aᵀ ∂z(0)/∂θ</c> for cotangents a[0..n) on the initial state
/// (gradients of learnable initial values and of parameters the initial values use).</item>
/// </list>
/// </summary>
public sealed record DifferentiatedSystem(
    IrSystem System,
    IrVjp DerivativeVjp,
    ImmutableArray<IrNode> Jacobian,
    IrVjp AuxiliaryVjp,
    IrVjp ObservationVjp,
    IrVjp InitialValueVjp)
{
    /// <summary>Builds every derivative of <paramref name="system"/> in one builder lineage.</summary>
    public static DifferentiatedSystem From(IrSystem system)
    {
        var ir = IrBuilder.Extending(system.Roots);
        int n = system.StateCount, p = system.ParameterCount, inputCount = system.Inputs.Length;
        return new DifferentiatedSystem(
            system,
            ReverseMode.Vjp(ir, system.Derivatives, n, p, inputCount),
            ForwardMode.Jacobian(ir, system.Derivatives, n),
            ReverseMode.Vjp(ir, system.Auxiliaries.Select(aux => aux.Value).ToList(), n, p, inputCount),
            ReverseMode.Vjp(ir, system.Observations.Select(observation => observation.Value).ToList(), n, p, inputCount),
            ReverseMode.Vjp(ir, system.InitialValues, n, p, inputCount));
    }

    /// <summary>Jacobian entry <c>∂f_row/∂z_column</c>.</summary>
    public IrNode JacobianAt(int row, int column) => Jacobian[row * System.StateCount + column];
}
