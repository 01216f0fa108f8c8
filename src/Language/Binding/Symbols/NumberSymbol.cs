using OdeDsl.Language.Text;

namespace OdeDsl.Language.Binding;

/// <summary>`number k=3.2`: a constant, never trainable, folded at compile time.</summary>
public sealed class NumberSymbol(string name, Shape shape, SourceSpan span, BoundExpression value) : Symbol(name, shape, span)
{
    public BoundExpression Value { get; } = value;

    public override string KindDescription => "a number";
}
