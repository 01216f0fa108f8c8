using OdeDsl.Language.Text;

namespace OdeDsl.Language.Binding;

/// <summary>`w = expr`: an intermediate quantity, evaluated at each right-hand-side call.</summary>
public sealed class FixedSymbol(string name, Shape shape, SourceSpan span, BoundExpression value) : Symbol(name, shape, span)
{
    public BoundExpression Value { get; } = value;

    public override string KindDescription => "a fixed quantity";
}
