using OdeDsl.Language.Text;

namespace OdeDsl.Language.Syntax;

/// <summary>`1`, `1.5`, `.5`, `1e-3`; <see cref="Text"/> keeps the spelling for messages.</summary>
public sealed record NumberLiteralSyntax(double Value, string Text, SourceSpan Span) : ExpressionSyntax(Span);
