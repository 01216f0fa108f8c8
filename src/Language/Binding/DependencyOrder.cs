using OdeDsl.Language.Text;

namespace OdeDsl.Language.Binding;

/// <summary>
/// Orders named definitions so each comes after everything it uses, and finds the cycles that
/// prevent it. Iterative depth-first search, so long dependency chains cannot exhaust the stack;
/// ties keep declaration order.
/// </summary>
internal static class DependencyOrder
{
    /// <summary>A cycle: the reference that closes it and the names along it (first = last).</summary>
    public sealed record Cycle(SourceSpan ClosingReference, IReadOnlyList<string> Path);

    public static List<string> Sort(
        IReadOnlyList<string> nodes,
        IReadOnlyDictionary<string, List<(string Target, SourceSpan Reference)>> edges,
        List<Cycle> cycles)
    {
        var state = new Dictionary<string, int>(StringComparer.Ordinal);
        var order = new List<string>(nodes.Count);
        var stack = new List<(string Node, int NextEdge)>();
        foreach (var root in nodes)
        {
            if (state.ContainsKey(root))
            {
                continue;
            }

            state[root] = 1;
            stack.Add((root, 0));
            while (stack.Count > 0)
            {
                var (node, next) = stack[stack.Count - 1];
                var outgoing = edges.TryGetValue(node, out var list) ? list : [];
                if (next < outgoing.Count)
                {
                    stack[stack.Count - 1] = (node, next + 1);
                    var (target, reference) = outgoing[next];
                    if (!state.TryGetValue(target, out var targetState))
                    {
                        state[target] = 1;
                        stack.Add((target, 0));
                    }
                    else if (targetState == 1)
                    {
                        var start = stack.FindIndex(frame => frame.Node == target);
                        var path = stack.Skip(start).Select(frame => frame.Node).Append(target).ToList();
                        cycles.Add(new Cycle(reference, path));
                    }

                    continue;
                }

                stack.RemoveAt(stack.Count - 1);
                state[node] = 2;
                order.Add(node);
            }
        }

        return order;
    }
}
