using OdeDsl.Language.Text;

namespace OdeDsl.Language.Binding;

/// <summary>The right-hand side of one state's equation; <see cref="Value"/> has the state's shape (scalars broadcast).</summary>
public sealed class BoundEquation(StateSymbol state, BoundExpression value, SourceSpan span)
{
    public StateSymbol State { get; } = state;

    public BoundExpression Value { get; } = value;

    /// <summary>The whole equation line, for comments in generated code.</summary>
    public SourceSpan Span { get; } = span;
}
