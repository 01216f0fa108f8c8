using OdeDsl.Language.Text;

namespace OdeDsl.Language.Binding;

public sealed class BoundLiteral(double value, SourceSpan span) : BoundExpression(Shape.Scalar, span)
{
    public double Value { get; } = value;
}
