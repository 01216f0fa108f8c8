using OdeDsl.Language.IR;

namespace OdeDsl.Language.Differentiation;

/// <summary>
/// Finds step functions on a path a needed derivative flows through (see <see cref="NonDifferentiableUse"/>).
/// The outputs whose derivatives the runtime uses are the equations (Jacobian, adjoint), the initial
/// values and the observations (fitting); <c>aux</c> outputs are only reported, so anything goes there.
/// <c>flr</c> and <c>ceil</c> are rejected on states and learned quantities (DSL.md: allowed only where
/// no derivative flows through them); <c>heav</c> and <c>sign</c> have the documented derivative 0 and
/// are rejected only on learned quantities, whose gradient would be lost (a switch on a state, as in
/// <c>heav(v - vth)</c>, is ordinary XPPAUT modelling). Comparisons inside <c>if</c> are not reported:
/// <c>if</c> passes the gradient to the branch taken (docs/differentiation.md).
/// </summary>
public static class DifferentiabilityCheck
{
    public static IReadOnlyList<NonDifferentiableUse> Find(IrSystem system)
    {
        var outputs = system.States.Select((state, i) => (IrOutputKind.Derivative, i, state.Name + "'", system.Derivatives[i]))
            .Concat(system.States.Select((state, i) => (IrOutputKind.InitialValue, i, state.Name + "(0)", state.InitialValue)))
            .Concat(system.Observations.Select((observation, i) => (IrOutputKind.Observation, i, observation.Name, observation.Value)))
            .ToList();
        var uses = new List<NonDifferentiableUse>();
        // Most models have no step function at all: one walk over the whole DAG settles that.
        if (!IrSchedule.Order(outputs.Select(output => output.Item4)).Any(node => IsStep(node.Operation)))
        {
            return uses;
        }
        var reported = new HashSet<IrNode>();
        foreach (var (kind, index, name, root) in outputs)
        {
            foreach (var step in IrSchedule.Order([root]).Where(node => IsStep(node.Operation) && !reported.Contains(node)))
            {
                var variable = Variable(system, step);
                if (variable is not null)
                {
                    reported.Add(step);
                    uses.Add(new NonDifferentiableUse(kind, index, name, step.Operation, variable, step));
                }
            }
        }
        return uses;
    }

    private static bool IsStep(IrOperation operation) =>
        operation is IrOperation.Floor or IrOperation.Ceiling or IrOperation.Heaviside or IrOperation.Sign;

    /// <summary>The first variable the step's argument depends on that the derivative matters for; null when there is none.</summary>
    private static string? Variable(IrSystem system, IrNode step)
    {
        var rejectsStates = step.Operation is IrOperation.Floor or IrOperation.Ceiling;
        foreach (var leaf in IrSchedule.Order(step.Operands))
        {
            if (leaf.Operation == IrOperation.State && rejectsStates)
            {
                return $"state '{system.States[leaf.Index].Name}'";
            }
            if (leaf.Operation == IrOperation.Parameter && system.Parameters[leaf.Index].IsLearned)
            {
                return $"learned parameter '{system.Parameters[leaf.Index].Name}'";
            }
        }
        return null;
    }
}
