namespace OdeDsl.Runtime.Fitting;

/// <summary>The feasible set of a trainable parameter (<c>positive</c>, <c>in(lo, hi)</c> in the model, or none).</summary>
public sealed record FitConstraint(FitConstraintKind Kind, double Lower, double Upper)
{
    public static FitConstraint None { get; } = new(FitConstraintKind.None, double.NegativeInfinity, double.PositiveInfinity);
    public static FitConstraint Positive { get; } = new(FitConstraintKind.Positive, 0, double.PositiveInfinity);
    public static FitConstraint Interval(double lower, double upper) => new(FitConstraintKind.Interval, lower, upper);

    /// <summary>Whether <paramref name="value"/> lies strictly inside the feasible set.</summary>
    public bool Contains(double value) => Kind switch
    {
        FitConstraintKind.Positive => value > 0,
        FitConstraintKind.Interval => value > Lower && value < Upper,
        _ => double.IsFinite(value),
    };

    public override string ToString() => Kind switch
    {
        FitConstraintKind.Positive => "positive",
        FitConstraintKind.Interval => $"in({Lower}, {Upper})",
        _ => "unconstrained",
    };
}

public enum FitConstraintKind
{
    None,
    Positive,
    Interval,
}
