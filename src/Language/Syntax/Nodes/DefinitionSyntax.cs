using OdeDsl.Language.Text;

namespace OdeDsl.Language.Syntax;

/// <summary>One `name=value` of a `par`, `init` or `number` list.</summary>
public sealed record DefinitionSyntax(DeclaratorSyntax Target, ExpressionSyntax Value, SourceSpan Span) : SyntaxNode(Span);
