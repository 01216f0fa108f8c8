using System.Collections.Immutable;
using OdeDsl.Language.Text;

namespace OdeDsl.Language.Binding;

/// <summary>`z[1]` (a scalar), `A[1, 0]` (a scalar) or `A[1]` (row 1 as a vector); indices are constant and 0-based.</summary>
public sealed class BoundIndexExpression(BoundExpression target, ImmutableArray<int> indices, Shape shape, SourceSpan span) : BoundExpression(shape, span)
{
    public BoundExpression Target { get; } = target;

    public ImmutableArray<int> Indices { get; } = indices;
}
