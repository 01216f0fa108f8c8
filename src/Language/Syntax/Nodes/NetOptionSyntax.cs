using OdeDsl.Language.Text;

namespace OdeDsl.Language.Syntax;

/// <summary>`act=tanh` or `bias=false` inside `mlp(...)`.</summary>
public sealed record NetOptionSyntax(NameSyntax Name, ExpressionSyntax Value, SourceSpan Span) : SyntaxNode(Span);
