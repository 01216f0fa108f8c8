using OdeDsl.Language.Text;

namespace OdeDsl.Language.Syntax;

/// <summary>One `name=value` of an `@` line; the value is kept as written (`rk4`, `1e-6`) and read by the binder.</summary>
public sealed record OptionSyntax(NameSyntax Name, string Value, SourceSpan ValueSpan, SourceSpan Span) : SyntaxNode(Span);
