using System.Collections.Immutable;

namespace OdeDsl.Language.IR;

/// <summary>
/// Makes <see cref="IrNode"/>s. Every node goes through one table keyed by (operation, value,
/// index, operand ids), so building a structurally equal node twice returns the first one
/// (hash-consing: common subexpressions are shared, across equations and across the forward,
/// VJP and Jacobian outputs). The operation methods fold constants and simplify
/// (<see cref="IrBuilder"/>.Simplification.cs) before a node is interned.
/// A builder is single-threaded; the nodes it returns are immutable.
/// </summary>
public sealed partial class IrBuilder
{
    private readonly Dictionary<NodeKey, IrNode> nodes = new();
    private int nextId;

    public IrBuilder()
    {
    }

    /// <summary>
    /// A builder that continues the lineage of existing nodes (for example an <see cref="IrSystem"/>'s):
    /// new nodes are shared with everything reachable from <paramref name="roots"/>.
    /// </summary>
    public static IrBuilder Extending(IEnumerable<IrNode> roots)
    {
        var builder = new IrBuilder();
        foreach (var node in IrSchedule.Order(roots))
        {
            builder.nodes[NodeKey.Of(node.Operation, node.Value, node.Index, node.Operands.ToArray())] = node;
            builder.nextId = Math.Max(builder.nextId, node.Id + 1);
        }
        return builder;
    }

    /// <summary>How many distinct nodes this builder holds.</summary>
    public int NodeCount => nodes.Count;

    public IrNode Constant(double value) =>
        Intern(IrOperation.Constant, value, -1, []);

    public IrNode State(int index) => Leaf(IrOperation.State, index);

    public IrNode Parameter(int index) => Leaf(IrOperation.Parameter, index);

    public IrNode Input(int index) => Leaf(IrOperation.Input, index);

    public IrNode Cotangent(int index) => Leaf(IrOperation.Cotangent, index);

    public IrNode Time() => Intern(IrOperation.Time, 0, -1, []);

    public IrNode Zero => Constant(0);

    public IrNode One => Constant(1);

    private IrNode Leaf(IrOperation operation, int index)
    {
        if (index < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(index), index, "leaf indices are non-negative");
        }
        return Intern(operation, 0, index, []);
    }

    /// <summary>The existing node with this structure, or a new one; operands are copied only for a new node.</summary>
    private IrNode Intern(IrOperation operation, double value, int index, IrNode[] operands)
    {
        var key = NodeKey.Of(operation, value, index, operands);
        if (!nodes.TryGetValue(key, out var node))
        {
            node = new IrNode(nextId++, operation, ImmutableArray.Create(operands), value, index);
            nodes.Add(key, node);
        }
        return node;
    }

    /// <summary>Structural identity of a node; operands are identified by id because they are already interned.</summary>
    private readonly record struct NodeKey(IrOperation Operation, long ValueBits, int Index, int First, int Second, int Third)
    {
        public static NodeKey Of(IrOperation operation, double value, int index, IrNode[] operands) => new(
            operation,
            BitConverter.DoubleToInt64Bits(value),
            index,
            operands.Length > 0 ? operands[0].Id : -1,
            operands.Length > 1 ? operands[1].Id : -1,
            operands.Length > 2 ? operands[2].Id : -1);
    }
}
