using System.Collections.Immutable;
using OdeDsl.Language.IR;

namespace OdeDsl.Language.Differentiation;

/// <summary>
/// Forward-mode differentiation: for each state <c>z_j</c>, one forward sweep pushes the tangent
/// <c>ż = e_j</c> through the DAG (<c>ṅ = Σ_k ∂n/∂operand_k · operand_k˙</c>), giving column j of the
/// dense Jacobian. Each sweep visits only the nodes that depend on <c>z_j</c> (found through the
/// users of each node), so a sparse system such as an XPPAUT array of 1,000 coupled states costs
/// work proportional to its couplings, not 1,000 passes over the whole DAG.
/// </summary>
public static class ForwardMode
{
    /// <summary>The Jacobian <c>∂outputs_i/∂z_j</c>, row-major <c>[outputs, stateCount]</c>.</summary>
    public static ImmutableArray<IrNode> Jacobian(IrBuilder ir, IReadOnlyList<IrNode> outputs, int stateCount)
    {
        var users = Users(IrSchedule.Order(outputs).Where(node => node.DependsOn(IrDependencies.State)));
        var rows = new Dictionary<IrNode, List<int>>();
        for (var i = 0; i < outputs.Count; i++)
        {
            if (!rows.TryGetValue(outputs[i], out var list))
            {
                rows.Add(outputs[i], list = []);
            }
            list.Add(i);
        }
        var zero = ir.Zero;
        var jacobian = Enumerable.Repeat(zero, outputs.Count * stateCount).ToArray();
        for (var j = 0; j < stateCount; j++)
        {
            var state = ir.State(j);
            var tangents = new Dictionary<IrNode, IrNode> { [state] = ir.One };
            foreach (var node in Downstream(state, users))
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
            // Only outputs downstream of z_j can have a non-zero entry in column j.
            foreach (var entry in tangents)
            {
                if (rows.TryGetValue(entry.Key, out var indices))
                {
                    foreach (var i in indices)
                    {
                        jacobian[i * stateCount + j] = entry.Value;
                    }
                }
            }
        }
        return jacobian.ToImmutableArray();
    }

    private static Dictionary<IrNode, List<IrNode>> Users(IEnumerable<IrNode> nodes)
    {
        var users = new Dictionary<IrNode, List<IrNode>>();
        foreach (var node in nodes)
        {
            foreach (var operand in node.Operands.Distinct())
            {
                if (!users.TryGetValue(operand, out var list))
                {
                    users.Add(operand, list = []);
                }
                list.Add(node);
            }
        }
        return users;
    }

    /// <summary>Every node that depends on <paramref name="leaf"/>, in topological (id) order.</summary>
    private static List<IrNode> Downstream(IrNode leaf, Dictionary<IrNode, List<IrNode>> users)
    {
        var seen = new HashSet<IrNode>();
        var pending = new Stack<IrNode>();
        pending.Push(leaf);
        while (pending.Count > 0)
        {
            if (!users.TryGetValue(pending.Pop(), out var direct))
            {
                continue;
            }
            foreach (var user in direct.Where(seen.Add))
            {
                pending.Push(user);
            }
        }
        var order = seen.ToList();
        order.Sort((a, b) => a.Id.CompareTo(b.Id));
        return order;
    }
}
