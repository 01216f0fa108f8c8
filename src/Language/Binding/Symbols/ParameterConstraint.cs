namespace OdeDsl.Language.Binding;

public enum ParameterConstraintKind
{
    None,
    /// <summary>`positive`: fitted as the log of the value.</summary>
    Positive,
    /// <summary>`in(lo, hi)`: fitted through a scaled logistic onto (lo, hi).</summary>
    Interval,
}

/// <summary>How a learned value is kept in range while fitting; bounds are evaluated constants.</summary>
public sealed record ParameterConstraint(ParameterConstraintKind Kind, double Lower, double Upper)
{
    public static ParameterConstraint None { get; } = new(ParameterConstraintKind.None, double.NegativeInfinity, double.PositiveInfinity);

    public static ParameterConstraint Positive { get; } = new(ParameterConstraintKind.Positive, 0, double.PositiveInfinity);

    public static ParameterConstraint Interval(double lower, double upper) => new(ParameterConstraintKind.Interval, lower, upper);
}
