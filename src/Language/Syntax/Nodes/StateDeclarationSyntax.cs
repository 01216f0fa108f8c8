using OdeDsl.Language.Text;

namespace OdeDsl.Language.Syntax;

/// <summary>`state z[2] = [2, 0]`: declares a (vector) state and optionally its initial value.</summary>
public sealed record StateDeclarationSyntax(DeclaratorSyntax Target, ExpressionSyntax? InitialValue, SourceSpan Span) : StatementSyntax(Span);
