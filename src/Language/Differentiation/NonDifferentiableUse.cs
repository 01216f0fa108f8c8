using OdeDsl.Language.IR;

namespace OdeDsl.Language.Differentiation;

/// <summary>
/// A step function (<c>heav</c>, <c>sign</c>, <c>flr</c>, <c>ceil</c>) applied to a quantity that depends on a
/// learned parameter: its derivative is zero wherever it exists, so the gradient with respect to
/// that parameter would silently be lost (diagnostic ODE4001). <see cref="Output"/> names the
/// output that contains it: a state's equation (<c>x'</c>), an initial value (<c>x(0)</c>), an aux or observe name.
/// </summary>
public sealed record NonDifferentiableUse(string Output, IrOperation Operation, string Parameter);
