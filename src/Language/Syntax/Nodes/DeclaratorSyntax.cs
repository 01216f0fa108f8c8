using System.Collections.Immutable;
using OdeDsl.Language.Text;

namespace OdeDsl.Language.Syntax;

/// <summary>
/// The name a statement declares, with an optional shape (`z[2]`, `A[2,2]`) or, before array
/// expansion, an XPPAUT range (`x[1..5]`).
/// </summary>
public sealed record DeclaratorSyntax(NameSyntax Name, ImmutableArray<NumberLiteralSyntax> Dimensions, ArrayRangeSyntax? Range, SourceSpan Span) : SyntaxNode(Span);
