using OdeDsl.Language.Text;

namespace OdeDsl.Language.Binding;

/// <summary>`input dose`: a scalar supplied with the data (per trajectory or as a time-varying covariate); <see cref="Index"/> counts inputs in declaration order.</summary>
public sealed class InputSymbol(string name, SourceSpan span, int index) : Symbol(name, Shape.Scalar, span)
{
    public int Index { get; } = index;

    public override string KindDescription => "an input";
}
