using OdeDsl.Language.Text;

namespace OdeDsl.Language.Binding;

/// <summary>Stands in for an expression that could not be bound, so one mistake is reported once; never in a returned system.</summary>
internal sealed class BoundErrorExpression(SourceSpan span) : BoundExpression(Shape.Scalar, span);
