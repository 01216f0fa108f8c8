using OdeDsl.Language.Text;

namespace OdeDsl.Language.Syntax;

public abstract record ExpressionSyntax(SourceSpan Span) : SyntaxNode(Span);
