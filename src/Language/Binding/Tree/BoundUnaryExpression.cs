using OdeDsl.Language.Text;

namespace OdeDsl.Language.Binding;

public sealed class BoundUnaryExpression(BoundUnaryOperator @operator, BoundExpression operand, SourceSpan span) : BoundExpression(operand.Shape, span)
{
    public BoundUnaryOperator Operator { get; } = @operator;

    public BoundExpression Operand { get; } = operand;
}
