using System.Collections.Immutable;
using OdeDsl.Language.Binding;
using OdeDsl.Language.IR;

namespace OdeDsl.Language.Lowering;

/// <summary>A bound value lowered to scalar IR: its shape and its elements, row-major.</summary>
internal sealed record LoweredValue(Shape Shape, ImmutableArray<IrNode> Elements)
{
    public static LoweredValue Scalar(IrNode node) => new(Shape.Scalar, [node]);

    /// <summary>Element i, repeating a scalar for every i (broadcasting).</summary>
    public IrNode At(int index) => Shape.IsScalar ? Elements[0] : Elements[index];
}
