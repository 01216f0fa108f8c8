using OdeDsl.Language.IR;

namespace OdeDsl.Language.Differentiation;

/// <summary>
/// Finds step functions on a gradient path to a learned parameter (see <see cref="NonDifferentiableUse"/>).
/// Comparisons inside <c>if</c> conditions are not reported: an <c>if</c> passes the gradient to the
/// branch taken, the usual convention for piecewise models (the switching point's own sensitivity
/// is not represented; docs/differentiation.md).
/// </summary>
public static class DifferentiabilityCheck
{
    private static readonly IrOperation[] StepFunctions =
        [IrOperation.Heaviside, IrOperation.Sign, IrOperation.Floor, IrOperation.Ceiling];

    public static IReadOnlyList<NonDifferentiableUse> Find(IrSystem system)
    {
        var outputs = system.States.Select((state, i) => (IrOutputKind.Derivative, i, state.Name + "'", system.Derivatives[i]))
            .Concat(system.States.Select((state, i) => (IrOutputKind.InitialValue, i, state.Name + "(0)", state.InitialValue)))
            .Concat(system.Auxiliaries.Select((aux, i) => (IrOutputKind.Auxiliary, i, aux.Name, aux.Value)))
            .Concat(system.Observations.Select((observation, i) => (IrOutputKind.Observation, i, observation.Name, observation.Value)));
        var uses = new List<NonDifferentiableUse>();
        foreach (var (kind, index, name, root) in outputs)
        {
            foreach (var step in IrSchedule.Order([root]).Where(node => StepFunctions.Contains(node.Operation)))
            {
                var learned = IrSchedule.Order(step.Operands)
                    .Where(leaf => leaf.Operation == IrOperation.Parameter && system.Parameters[leaf.Index].IsLearned)
                    .Select(leaf => system.Parameters[leaf.Index].Name)
                    .FirstOrDefault();
                if (learned is not null)
                {
                    uses.Add(new NonDifferentiableUse(kind, index, name, step.Operation, learned));
                }
            }
        }
        return uses;
    }
}
