using OdeDsl.Language.Text;

namespace OdeDsl.Language.Binding;

public sealed class BoundBinaryExpression(BoundBinaryOperator @operator, BoundExpression left, BoundExpression right, Shape shape, SourceSpan span)
    : BoundExpression(shape, span)
{
    public BoundBinaryOperator Operator { get; } = @operator;

    public BoundExpression Left { get; } = left;

    public BoundExpression Right { get; } = right;
}
