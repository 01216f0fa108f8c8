namespace OdeDsl.Language.IR;

/// <summary>The nodes needed to compute some outputs, in an order where operands come before their users.</summary>
public static class IrSchedule
{
    /// <summary>Every node reachable from <paramref name="roots"/> (leaves and constants included), each once, sorted by id.</summary>
    public static IReadOnlyList<IrNode> Order(IEnumerable<IrNode> roots)
    {
        var seen = new HashSet<IrNode>();
        var pending = new Stack<IrNode>(roots);
        while (pending.Count > 0)
        {
            var node = pending.Pop();
            if (!seen.Add(node))
            {
                continue;
            }
            foreach (var operand in node.Operands)
            {
                pending.Push(operand);
            }
        }
        var order = seen.ToList();
        order.Sort((a, b) => a.Id.CompareTo(b.Id));
        return order;
    }
}
