namespace OdeDsl.Language.IR;

/// <summary>
/// The work of computing some outputs: the number of distinct operation nodes (leaves and
/// constants excluded) reachable from them, i.e. the arithmetic a fused kernel performs once
/// common subexpressions are shared.
/// </summary>
public static class OperationCount
{
    public static int Of(IEnumerable<IrNode> outputs) =>
        IrSchedule.Order(outputs).Count(node => !node.Operation.IsLeaf());

    /// <summary>Operations that depend on parameters only and are therefore hoisted out of per-step work.</summary>
    public static int ParameterOnly(IEnumerable<IrNode> outputs) =>
        IrSchedule.Order(outputs).Count(node => !node.Operation.IsLeaf() && node.IsParameterOnly);

    /// <summary>Operations left in each evaluation once parameter-only ones are hoisted.</summary>
    public static int PerStep(IEnumerable<IrNode> outputs) =>
        IrSchedule.Order(outputs).Count(node => !node.Operation.IsLeaf() && !node.IsParameterOnly);
}
