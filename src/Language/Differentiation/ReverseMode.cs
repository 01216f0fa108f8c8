using System.Collections.Immutable;
using OdeDsl.Language.IR;

namespace OdeDsl.Language.Differentiation;

/// <summary>
/// Reverse-mode differentiation on the DAG: one backward sweep over the nodes in reverse
/// topological order accumulates each node's adjoint <c>ā = Σ_users ū · ∂user/∂node</c>, starting
/// from <c>ȳ_k = a[k]</c>. The result costs a small constant times the forward pass regardless of how
/// many parameters there are (an mlp's weights get their gradients in the same sweep), and its
/// nodes are interned in the same builder, so it shares every subexpression with the forward IR.
/// </summary>
public static class ReverseMode
{
    private const IrDependencies Variables = IrDependencies.State | IrDependencies.Parameter | IrDependencies.Input | IrDependencies.Time;

    /// <param name="inputCount">How many <c>input</c> leaves to differentiate with respect to (generated kernels keep
    /// inputs in θ, so their cotangents are parameter cotangents there).</param>
    public static IrVjp Vjp(IrBuilder ir, IReadOnlyList<IrNode> outputs, int stateCount, int parameterCount, int inputCount = 0)
    {
        var cotangents = Enumerable.Range(0, outputs.Count).Select(ir.Cotangent).ToImmutableArray();
        var contributions = new Dictionary<IrNode, List<IrNode>>();
        for (var k = 0; k < outputs.Count; k++)
        {
            Contribute(contributions, outputs[k], cotangents[k]);
        }

        // Backward sweep: a node's adjoint is complete once every user (larger id) has been visited.
        foreach (var node in IrSchedule.Order(outputs).Reverse())
        {
            if (node.Operation.IsLeaf() || !node.DependsOn(Variables) || !contributions.TryGetValue(node, out var terms))
            {
                continue;
            }
            var adjoint = ir.Sum(terms);
            if (adjoint.IsConstantValue(0))
            {
                continue;
            }
            for (var k = 0; k < node.Operands.Length; k++)
            {
                if (node.Operands[k].DependsOn(Variables))
                {
                    Contribute(contributions, node.Operands[k], ChainRule.Apply(ir, node, k, adjoint));
                }
            }
        }

        IrNode AdjointOf(IrNode leaf) => contributions.TryGetValue(leaf, out var terms) ? ir.Sum(terms) : ir.Zero;
        return new IrVjp(
            cotangents,
            Enumerable.Range(0, stateCount).Select(i => AdjointOf(ir.State(i))).ToImmutableArray(),
            Enumerable.Range(0, parameterCount).Select(j => AdjointOf(ir.Parameter(j))).ToImmutableArray(),
            Enumerable.Range(0, inputCount).Select(k => AdjointOf(ir.Input(k))).ToImmutableArray(),
            AdjointOf(ir.Time()));
    }

    private static void Contribute(Dictionary<IrNode, List<IrNode>> contributions, IrNode node, IrNode term)
    {
        if (!node.DependsOn(Variables) || term.IsConstantValue(0))
        {
            return;
        }
        if (!contributions.TryGetValue(node, out var terms))
        {
            contributions.Add(node, terms = []);
        }
        terms.Add(term);
    }
}
