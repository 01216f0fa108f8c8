using OdeDsl.Language.Text;

namespace OdeDsl.Language.Syntax;

public sealed record BinaryExpressionSyntax(BinaryOperator Operator, ExpressionSyntax Left, ExpressionSyntax Right, SourceSpan Span) : ExpressionSyntax(Span);
