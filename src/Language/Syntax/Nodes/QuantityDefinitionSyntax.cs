using OdeDsl.Language.Text;

namespace OdeDsl.Language.Syntax;

/// <summary>`w = expr`, `aux w = expr` or `!w = expr`.</summary>
public sealed record QuantityDefinitionSyntax(QuantityKind Kind, DeclaratorSyntax Target, ExpressionSyntax Value, SourceSpan Span) : StatementSyntax(Span);
