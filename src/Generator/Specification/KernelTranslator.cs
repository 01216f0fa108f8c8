using System.Collections.Generic;
using System.Linq;
using OdeDsl.Generator.Emit;
using OdeDsl.Generator.Model;
using OdeDsl.Language.IR;

namespace OdeDsl.Generator.Specification;

/// <summary>
/// Turns a set of IR roots into kernel statements. A node becomes a named local when it is used
/// more than once (the IR's CSE made it shared), when it is trajectory-invariant but feeds a
/// per-trajectory node (so the emitter can hoist it), or when the caller names it (a derivative
/// <c>dx</c>, an output); every other node is written inline into its single user.
/// </summary>
internal sealed class KernelTranslator
{
    private readonly List<KernelStatement> statements = new();
    private readonly HashSet<string> usedNames;
    private readonly int inputSlot;
    private int nextTemporary = 1;

    /// <param name="inputSlot">The θ index of input 0: inputs are read from θ, after the parameters.</param>
    public KernelTranslator(IEnumerable<string> reservedNames, int inputSlot)
    {
        usedNames = new HashSet<string>(reservedNames);
        this.inputSlot = inputSlot;
    }

    public IReadOnlyList<KernelStatement> Statements => statements;

    /// <summary>
    /// Translates <paramref name="roots"/>. Cotangent leaf k becomes component k + <paramref name="cotangentOffset"/>.
    /// A root with a name in <paramref name="rootNames"/> is computed into a local of that name, with its comment.
    /// </summary>
    public IReadOnlyList<SpecExpression> Translate(
        IReadOnlyList<IrNode> roots,
        int cotangentOffset = 0,
        IReadOnlyList<(string Name, string? Comment)?>? rootNames = null)
    {
        var firstNew = statements.Count;
        var order = IrSchedule.Order(roots);
        var uses = new Dictionary<IrNode, int>();
        var feedsVariant = new HashSet<IrNode>();
        foreach (var node in order)
        {
            foreach (var operand in node.Operands)
            {
                uses[operand] = uses.TryGetValue(operand, out var count) ? count + 1 : 1;
                if (!IsInvariant(node)) feedsVariant.Add(operand);
            }
        }
        foreach (var root in roots) uses[root] = uses.TryGetValue(root, out var count) ? count + 1 : 1;

        var names = new Dictionary<IrNode, (string Name, string? Comment)>();
        for (var i = 0; i < roots.Count; i++)
        {
            if (rootNames?[i] is { } name && !names.ContainsKey(roots[i])) names[roots[i]] = name;
        }

        var expressions = new Dictionary<IrNode, SpecExpression>();
        foreach (var node in order)
        {
            var expression = Expression(node, expressions, cotangentOffset, inputSlot);
            if (IsLeaf(node))
            {
                expressions[node] = expression;
                continue;
            }
            var isNamed = names.TryGetValue(node, out var given);
            if (isNamed || uses[node] > 1 || (IsInvariant(node) && feedsVariant.Contains(node)))
            {
                var local = Fresh(isNamed ? given.Name : "temp" + nextTemporary++);
                statements.Add(new KernelStatement(local, expression, isNamed ? given.Comment : null));
                expressions[node] = new LocalReference(local);
            }
            else
            {
                expressions[node] = expression;
            }
        }

        var results = new List<SpecExpression>();
        for (var i = 0; i < roots.Count; i++)
        {
            var result = expressions[roots[i]];
            // A named root that is a leaf or shared with an earlier root still gets its own line and comment.
            if (rootNames?[i] is { } name && (IsLeaf(roots[i]) || names[roots[i]].Name != name.Name))
            {
                var local = Fresh(name.Name);
                statements.Add(new KernelStatement(local, result, name.Comment));
                result = new LocalReference(local);
            }
            results.Add(result);
        }
        OrderByFirstUse(firstNew, results);
        return results;
    }

    /// <summary>
    /// Reorders the statements added since <paramref name="firstNew"/> so that they follow the roots
    /// (equation order), each statement right after the ones it needs: code reads top to bottom.
    /// </summary>
    private void OrderByFirstUse(int firstNew, IReadOnlyList<SpecExpression> results)
    {
        var added = statements.Skip(firstNew).ToDictionary(statement => statement.Local);
        var ordered = new List<KernelStatement>();
        var placed = new HashSet<string>();
        void Place(SpecExpression expression)
        {
            foreach (var local in ExpressionVisitor.Nodes(expression).OfType<LocalReference>())
            {
                if (!added.TryGetValue(local.Name, out var statement) || !placed.Add(local.Name)) continue;
                Place(statement.Value);
                ordered.Add(statement);
            }
        }
        foreach (var result in results) Place(result);
        statements.RemoveRange(firstNew, statements.Count - firstNew);
        statements.AddRange(ordered);
    }

    private string Fresh(string name)
    {
        var candidate = name;
        for (var suffix = 2; !usedNames.Add(candidate); suffix++) candidate = name + "_" + suffix;
        return candidate;
    }

    private static bool IsLeaf(IrNode node) => node.Operands.Length == 0;

    // Inputs live in θ, which the batch shares, so a node of parameters and inputs is hoisted like one of parameters.
    private static bool IsInvariant(IrNode node) =>
        !node.DependsOn(IrDependencies.State | IrDependencies.Cotangent);

    private static SpecExpression Expression(IrNode node, IReadOnlyDictionary<IrNode, SpecExpression> operands, int cotangentOffset, int inputSlot)
    {
        SpecExpression Operand(int index) => operands[node.Operands[index]];
        switch (node.Operation)
        {
            case IrOperation.Constant: return new Constant(node.Value);
            case IrOperation.State: return new StateReference(node.Index);
            case IrOperation.Parameter: return new ParameterReference(node.Index);
            case IrOperation.Time: return TimeReference.Instance;
            case IrOperation.Cotangent: return new CotangentReference(node.Index + cotangentOffset);
            case IrOperation.Input: return new ParameterReference(inputSlot + node.Index);
            case IrOperation.Negate: return new UnaryExpression(UnaryOperator.Negate, Operand(0));
            case IrOperation.Not: return new UnaryExpression(UnaryOperator.Not, Operand(0));
            case IrOperation.Conditional: return new ConditionalExpression(Operand(0), Operand(1), Operand(2));
        }
        if (IrOperationNames.Binary(node.Operation) is { } binary) return new BinaryExpression(binary, Operand(0), Operand(1));
        if (IrOperationNames.Function(node.Operation) is { } function)
        {
            return new CallExpression(function, Enumerable.Range(0, node.Operands.Length).Select(Operand).ToEquatableArray());
        }
        throw new UnsupportedModelException($"the IR operation {node.Operation} has no C# form");
    }
}
