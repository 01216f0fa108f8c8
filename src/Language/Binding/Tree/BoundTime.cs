using OdeDsl.Language.Text;

namespace OdeDsl.Language.Binding;

/// <summary>The time variable `t`.</summary>
public sealed class BoundTime(SourceSpan span) : BoundExpression(Shape.Scalar, span);
