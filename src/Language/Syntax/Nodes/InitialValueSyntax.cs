using OdeDsl.Language.Text;

namespace OdeDsl.Language.Syntax;

/// <summary>`x(0) = 1.5`.</summary>
public sealed record InitialValueSyntax(DeclaratorSyntax Target, ExpressionSyntax Value, SourceSpan Span) : StatementSyntax(Span);
