using OdeDsl.Language.Text;

namespace OdeDsl.Language.Binding;

/// <summary>
/// A bound expression: names resolved to symbols, user functions expanded, shapes known.
/// Immutable; nodes are compared by identity (later stages hash-cons them themselves).
/// </summary>
public abstract class BoundExpression(Shape shape, SourceSpan span)
{
    public Shape Shape { get; } = shape;

    /// <summary>The source this node came from (inside an expanded user function: the function body).</summary>
    public SourceSpan Span { get; } = span;

    public override string ToString() => BoundExpressionPrinter.Print(this);
}
