using OdeDsl.Language.Text;

namespace OdeDsl.Language.Syntax;

/// <summary>XPPAUT's `[1..5]` after a declared name: the line is repeated for j = Low..High.</summary>
public sealed record ArrayRangeSyntax(int Low, int High, SourceSpan Span) : SyntaxNode(Span);
