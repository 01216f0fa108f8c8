using OdeDsl.Language.Text;

namespace OdeDsl.Language.Binding;

/// <summary>`if(c) then(a) else(b)` / `c ? a : b`: <see cref="WhenTrue"/> where the condition is non-zero; elementwise on vectors.</summary>
public sealed class BoundConditionalExpression(BoundExpression condition, BoundExpression whenTrue, BoundExpression whenFalse, Shape shape, SourceSpan span)
    : BoundExpression(shape, span)
{
    public BoundExpression Condition { get; } = condition;

    public BoundExpression WhenTrue { get; } = whenTrue;

    public BoundExpression WhenFalse { get; } = whenFalse;
}
