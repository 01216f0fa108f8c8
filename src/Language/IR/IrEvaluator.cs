namespace OdeDsl.Language.IR;

/// <summary>
/// A plain interpreter over doubles: the reference semantics of the IR (and so of emitted code),
/// used by tests. Each node is evaluated once per call, in schedule order.
/// </summary>
public static class IrEvaluator
{
    public static double Evaluate(IrNode output, IrPoint point) => Evaluate([output], point)[0];

    public static double[] Evaluate(IReadOnlyList<IrNode> outputs, IrPoint point)
    {
        var values = new Dictionary<IrNode, double>();
        foreach (var node in IrSchedule.Order(outputs))
        {
            values[node] = node.Operation switch
            {
                IrOperation.Constant => node.Value,
                IrOperation.State => Leaf(point.States, node, "state"),
                IrOperation.Parameter => Leaf(point.Parameters, node, "parameter"),
                IrOperation.Input => Leaf(point.Inputs, node, "input"),
                IrOperation.Cotangent => Leaf(point.Cotangents, node, "cotangent"),
                IrOperation.Time => point.Time,
                _ => IrFunctions.Apply(
                    node.Operation,
                    values[node.Operands[0]],
                    node.Operands.Length > 1 ? values[node.Operands[1]] : 0,
                    node.Operands.Length > 2 ? values[node.Operands[2]] : 0),
            };
        }
        return outputs.Select(output => values[output]).ToArray();
    }

    private static double Leaf(IReadOnlyList<double>? values, IrNode node, string kind) =>
        values is not null && node.Index < values.Count
            ? values[node.Index]
            : throw new ArgumentException($"the point has no value for {kind} {node.Index}");
}
