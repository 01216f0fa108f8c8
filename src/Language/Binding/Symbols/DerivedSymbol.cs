using OdeDsl.Language.Text;

namespace OdeDsl.Language.Binding;

/// <summary>`!name = expr`: computed from parameters, numbers and inputs once per solve.</summary>
public sealed class DerivedSymbol(string name, Shape shape, SourceSpan span, BoundExpression value) : Symbol(name, shape, span)
{
    public BoundExpression Value { get; } = value;

    public override string KindDescription => "a derived parameter";
}
