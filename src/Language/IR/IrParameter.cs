namespace OdeDsl.Language.IR;

/// <summary>One flattened entry of θ, the parameter vector shared by a batch.</summary>
public sealed record IrParameter(string Name, double DefaultValue, ParameterKind Kind, ParameterConstraint Constraint)
{
    /// <summary>Whether a fit optimises this entry by default (<c>learn</c>, net weights, learnable initial values).</summary>
    public bool IsLearned => Kind != ParameterKind.Fixed;
}

public enum ParameterKind
{
    /// <summary><c>par</c>: fixed unless a fit is told to free it by name.</summary>
    Fixed,
    /// <summary><c>learn</c>.</summary>
    Learned,
    /// <summary>A weight of an <c>mlp</c> net.</summary>
    NetWeight,
    /// <summary>A bias of an <c>mlp</c> net.</summary>
    NetBias,
    /// <summary><c>learn x(0)</c>: the initial value of a state.</summary>
    InitialValue,
}

/// <summary>The feasible set of a parameter, enforced by the fit through a reparametrisation (log / scaled logistic).</summary>
public sealed record ParameterConstraint(ConstraintKind Kind, double Lower, double Upper)
{
    public static ParameterConstraint None { get; } = new(ConstraintKind.None, double.NegativeInfinity, double.PositiveInfinity);

    public static ParameterConstraint Positive { get; } = new(ConstraintKind.Positive, 0, double.PositiveInfinity);

    public static ParameterConstraint Interval(double lower, double upper) => new(ConstraintKind.Interval, lower, upper);
}

public enum ConstraintKind
{
    None,
    Positive,
    Interval,
}
