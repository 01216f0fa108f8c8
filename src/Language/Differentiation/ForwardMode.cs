using System.Collections.Immutable;
using OdeDsl.Language.IR;

namespace OdeDsl.Language.Differentiation;

/// <summary>
/// Forward-mode differentiation: for each state <c>z_j</c>, one forward sweep pushes the tangent
/// <c>ż = e_j</c> through the DAG (<c>ṅ = Σ_k ∂n/∂operand_k · operand_k˙</c>), giving column j of the
/// dense Jacobian. Nodes whose operands all have zero tangent are skipped, so each column costs
/// only the part of the DAG that depends on <c>z_j</c>.
/// </summary>
public static class ForwardMode
{
    /// <summary>The Jacobian <c>∂outputs_i/∂z_j</c>, row-major <c>[outputs, stateCount]</c>.</summary>
    public static ImmutableArray<IrNode> Jacobian(IrBuilder ir, IReadOnlyList<IrNode> outputs, int stateCount)
    {
        var schedule = IrSchedule.Order(outputs).Where(node => node.DependsOn(IrDependencies.State)).ToList();
        var jacobian = new IrNode[outputs.Count * stateCount];
        for (var j = 0; j < stateCount; j++)
        {
            var tangents = new Dictionary<IrNode, IrNode> { [ir.State(j)] = ir.One };
            foreach (var node in schedule.Where(node => !node.Operation.IsLeaf()))
            {
                var terms = new List<IrNode>();
                for (var k = 0; k < node.Operands.Length; k++)
                {
                    if (tangents.TryGetValue(node.Operands[k], out var tangent))
                    {
                        terms.Add(ChainRule.Apply(ir, node, k, tangent));
                    }
                }
                var sum = ir.Sum(terms);
                if (!sum.IsConstantValue(0))
                {
                    tangents[node] = sum;
                }
            }
            for (var i = 0; i < outputs.Count; i++)
            {
                jacobian[i * stateCount + j] = tangents.TryGetValue(outputs[i], out var entry) ? entry : ir.Zero;
            }
        }
        return jacobian.ToImmutableArray();
    }
}
