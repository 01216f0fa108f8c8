using System.Collections.Generic;
using System.Linq;
using OdeDsl.Generator.Model;

namespace OdeDsl.Generator.Emit;

/// <summary>
/// How a <see cref="KernelSpec"/> is laid out in code: the statements its outputs need (dead ones
/// dropped), split into those computed once per call (they depend on θ and t only, so they are
/// hoisted out of the batch loop) and those computed per trajectory; and which states, parameters
/// and cotangent components are read at all.
/// </summary>
public sealed class KernelPlan
{
    private KernelPlan(
        IReadOnlyList<KernelStatement> hoisted,
        IReadOnlyList<KernelStatement> perTrajectory,
        IReadOnlyCollection<string> invariantLocals,
        SortedSet<int> states,
        SortedSet<int> parameters,
        SortedSet<int> cotangents,
        bool usesTime)
    {
        Hoisted = hoisted;
        PerTrajectory = perTrajectory;
        InvariantLocals = invariantLocals;
        States = states;
        Parameters = parameters;
        Cotangents = cotangents;
        UsesTime = usesTime;
    }

    public IReadOnlyList<KernelStatement> Hoisted { get; }

    public IReadOnlyList<KernelStatement> PerTrajectory { get; }

    /// <summary>Locals whose value is the same for every trajectory of a call.</summary>
    public IReadOnlyCollection<string> InvariantLocals { get; }

    public SortedSet<int> States { get; }

    public SortedSet<int> Parameters { get; }

    public SortedSet<int> Cotangents { get; }

    public bool UsesTime { get; }

    /// <summary>True when <paramref name="expression"/> has the same value for every trajectory.</summary>
    public bool IsInvariant(SpecExpression expression) =>
        ExpressionVisitor.Nodes(expression).All(node => node switch
        {
            StateReference or CotangentReference => false,
            LocalReference local => InvariantLocals.Contains(local.Name),
            _ => true,
        });

    public static KernelPlan Create(KernelSpec kernel)
    {
        var needed = NeededLocals(kernel);
        var invariant = new HashSet<string>();
        var hoisted = new List<KernelStatement>();
        var perTrajectory = new List<KernelStatement>();
        foreach (var statement in kernel.Statements)
        {
            if (!needed.Contains(statement.Local)) continue;
            var isInvariant = ExpressionVisitor.Nodes(statement.Value).All(node => node switch
            {
                StateReference or CotangentReference => false,
                LocalReference local => invariant.Contains(local.Name),
                _ => true,
            });
            if (isInvariant)
            {
                invariant.Add(statement.Local);
                hoisted.Add(statement);
            }
            else
            {
                perTrajectory.Add(statement);
            }
        }

        var used = hoisted.Concat(perTrajectory).Select(s => s.Value)
            .Concat(kernel.Outputs.Select(o => o.Value))
            .SelectMany(ExpressionVisitor.Nodes)
            .ToList();
        return new KernelPlan(
            hoisted,
            perTrajectory,
            invariant,
            new SortedSet<int>(used.OfType<StateReference>().Select(s => s.Index)),
            new SortedSet<int>(used.OfType<ParameterReference>().Select(p => p.Index)),
            new SortedSet<int>(used.OfType<CotangentReference>().Select(c => c.Index)),
            used.OfType<TimeReference>().Any());
    }

    private static HashSet<string> NeededLocals(KernelSpec kernel)
    {
        var byName = kernel.Statements.ToDictionary(s => s.Local);
        var needed = new HashSet<string>();
        var pending = new Stack<SpecExpression>(kernel.Outputs.Select(o => o.Value));
        while (pending.Count > 0)
        {
            foreach (var local in ExpressionVisitor.Nodes(pending.Pop()).OfType<LocalReference>())
            {
                if (needed.Add(local.Name) && byName.TryGetValue(local.Name, out var statement))
                {
                    pending.Push(statement.Value);
                }
            }
        }
        return needed;
    }
}
