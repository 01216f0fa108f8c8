using OdeDsl.Language.Text;

namespace OdeDsl.Language.Syntax;

/// <summary>A name used as a value (`x`, `t`, `alpha`) or where a name is declared.</summary>
public sealed record NameSyntax(string Name, SourceSpan Span) : ExpressionSyntax(Span)
{
    public override string ToString() => Name;
}
