using OdeDsl.Language.IR;

namespace OdeDsl.Language.Differentiation;

/// <summary>
/// A step function (<c>heav</c>, <c>sign</c>, <c>flr</c>, <c>ceil</c>) applied to a quantity that depends on a
/// learned parameter: its derivative is zero wherever it exists, so the gradient with respect to
/// that parameter would silently be lost (diagnostic ODE4001). <see cref="Kind"/> and <see cref="Index"/>
/// locate the output that contains it in the <see cref="IrSystem"/>; <see cref="Output"/> names it
/// (<c>x'</c>, <c>x(0)</c>, an aux or observe name).
/// </summary>
public sealed record NonDifferentiableUse(IrOutputKind Kind, int Index, string Output, IrOperation Operation, string Parameter);

/// <summary>Which list of an <see cref="IrSystem"/> an output index refers to.</summary>
public enum IrOutputKind
{
    Derivative,
    InitialValue,
    Auxiliary,
    Observation,
}
