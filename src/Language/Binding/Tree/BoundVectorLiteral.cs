using System.Collections.Immutable;
using OdeDsl.Language.Text;

namespace OdeDsl.Language.Binding;

/// <summary>`[a, b]` (scalar elements: a vector) or `[[1, 2], [3, 4]]` (vector elements of one length: a matrix by rows).</summary>
public sealed class BoundVectorLiteral(ImmutableArray<BoundExpression> elements, Shape shape, SourceSpan span) : BoundExpression(shape, span)
{
    public ImmutableArray<BoundExpression> Elements { get; } = elements;
}
