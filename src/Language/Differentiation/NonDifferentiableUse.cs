using OdeDsl.Language.IR;

namespace OdeDsl.Language.Differentiation;

/// <summary>
/// A step function whose derivative the model would need (diagnostic ODE4001): <c>flr</c>/<c>ceil</c>
/// of a state or learned quantity, or <c>heav</c>/<c>sign</c> of a learned quantity, inside an
/// equation, an initial value or an observation. Its derivative is zero wherever it exists, so the
/// gradient through it would silently vanish. <see cref="Kind"/> and <see cref="Index"/> locate the
/// first output that contains it; <see cref="Output"/> names that output (<c>x'</c>, <c>x(0)</c>, an
/// observe name); <see cref="Variable"/> says what the derivative is taken with respect to
/// (<c>state 'x'</c>, <c>learned parameter 'k'</c>); <see cref="Node"/> is the step node itself.
/// </summary>
public sealed record NonDifferentiableUse(IrOutputKind Kind, int Index, string Output, IrOperation Operation, string Variable, IrNode Node);

/// <summary>Which list of an <see cref="IrSystem"/> an output index refers to.</summary>
public enum IrOutputKind
{
    Derivative,
    InitialValue,
    Auxiliary,
    Observation,
}
