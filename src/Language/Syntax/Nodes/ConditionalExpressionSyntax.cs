using OdeDsl.Language.Text;

namespace OdeDsl.Language.Syntax;

/// <summary>`if(c) then(a) else(b)` (XPPAUT) or `c ? a : b`; both mean the same.</summary>
public sealed record ConditionalExpressionSyntax(ExpressionSyntax Condition, ExpressionSyntax WhenTrue, ExpressionSyntax WhenFalse, SourceSpan Span) : ExpressionSyntax(Span);
