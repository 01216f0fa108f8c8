using System.Collections.Immutable;

namespace OdeDsl.Language.IR;

/// <summary>
/// One dense layer of an <c>mlp</c> net, <c>Outputs = activation(W · Inputs + b)</c>, kept beside the
/// scalar IR so an emitter can write it as a loop instead of unrolled scalars. W is row-major
/// (<c>Rows = outputs</c>, <c>Columns = inputs</c>) at θ[<see cref="WeightOffset"/> ..]; b is at
/// θ[<see cref="BiasOffset"/> ..] or absent (-1). <see cref="Outputs"/> are the scalar nodes the
/// rest of the IR uses, so the layer and the unrolled nodes are the same computation.
/// </summary>
public sealed record IrNetLayer(
    string NetName,
    int Layer,
    int Rows,
    int Columns,
    int WeightOffset,
    int BiasOffset,
    IrOperation? Activation,
    ImmutableArray<IrNode> Inputs,
    ImmutableArray<IrNode> Outputs);
