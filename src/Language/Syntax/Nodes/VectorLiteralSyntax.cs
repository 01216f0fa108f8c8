using System.Collections.Immutable;
using OdeDsl.Language.Text;

namespace OdeDsl.Language.Syntax;

/// <summary>`[a, b]`; a literal of literals, `[[1, 0], [0, 1]]`, is a matrix given by rows.</summary>
public sealed record VectorLiteralSyntax(ImmutableArray<ExpressionSyntax> Elements, SourceSpan Span) : ExpressionSyntax(Span);
