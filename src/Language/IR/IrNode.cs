using System.Collections.Immutable;

namespace OdeDsl.Language.IR;

/// <summary>
/// One node of the expression DAG: a scalar operation on operand nodes, or a leaf (constant,
/// state <c>z[i]</c>, parameter <c>θ[j]</c>, input, time <c>t</c>, cotangent <c>a[i]</c>).
/// Nodes are made only by an <see cref="IrBuilder"/>, which hash-conses them: structurally equal
/// nodes of one builder are the same object, so reference equality is structural equality and
/// every common subexpression exists once. <see cref="Id"/> grows in creation order, so sorting by
/// it is a topological order (operands before users).
/// </summary>
public sealed class IrNode
{
    internal IrNode(int id, IrOperation operation, ImmutableArray<IrNode> operands, double value, int index)
    {
        Id = id;
        Operation = operation;
        Operands = operands;
        Value = value;
        Index = index;
        Dependencies = operation switch
        {
            IrOperation.State => IrDependencies.State,
            IrOperation.Parameter => IrDependencies.Parameter,
            IrOperation.Input => IrDependencies.Input,
            IrOperation.Time => IrDependencies.Time,
            IrOperation.Cotangent => IrDependencies.Cotangent,
            _ => operands.Aggregate(IrDependencies.None, (all, operand) => all | operand.Dependencies),
        };
    }

    /// <summary>Creation order within the builder lineage; operands always have smaller ids.</summary>
    public int Id { get; }

    public IrOperation Operation { get; }

    public ImmutableArray<IrNode> Operands { get; }

    /// <summary>The value of a <see cref="IrOperation.Constant"/>; 0 otherwise.</summary>
    public double Value { get; }

    /// <summary>The index of a state, parameter, input or cotangent leaf; -1 otherwise.</summary>
    public int Index { get; }

    public IrDependencies Dependencies { get; }

    public bool IsConstant => Operation == IrOperation.Constant;

    public bool IsConstantValue(double value) => IsConstant && Value.Equals(value);

    /// <summary>
    /// True for a computed node that depends on parameters only (for example a <c>!derived</c>
    /// value): its value is the same for every trajectory and step, so emitted code hoists it out
    /// of the batch loop.
    /// </summary>
    public bool IsParameterOnly => Operation != IrOperation.Constant && Dependencies == IrDependencies.Parameter;

    public bool DependsOn(IrDependencies dependencies) => (Dependencies & dependencies) != 0;

    public override string ToString() => IrPrinter.Format(this);
}
