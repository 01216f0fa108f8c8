using OdeDsl.Language.Text;

namespace OdeDsl.Language.Syntax;

public sealed record UnaryExpressionSyntax(UnaryOperator Operator, ExpressionSyntax Operand, SourceSpan Span) : ExpressionSyntax(Span);
