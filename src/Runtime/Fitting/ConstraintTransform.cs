namespace OdeDsl.Runtime.Fitting;

/// <summary>
/// The reparametrisation that keeps constrained parameters feasible while the optimizer moves freely in an
/// unconstrained value <c>u</c>: <c>positive</c> is <c>θ = exp(u)</c> (steps act on relative size, which suits rates
/// and populations that span orders of magnitude); <c>in(lo, hi)</c> is <c>θ = lo + (hi − lo)·σ(u)</c> with the
/// logistic σ; unconstrained parameters are <c>θ = u</c>.
/// </summary>
public static class ConstraintTransform
{
    /// <summary>θ for an unconstrained <paramref name="u"/>.</summary>
    public static double ToConstrained(FitConstraint constraint, double u) => constraint.Kind switch
    {
        FitConstraintKind.Positive => Math.Exp(u),
        FitConstraintKind.Interval => constraint.Lower + (constraint.Upper - constraint.Lower) * Logistic(u),
        _ => u,
    };

    /// <summary>The <c>u</c> with <c>ToConstrained(u) = θ</c>; θ must lie strictly inside the feasible set.</summary>
    public static double ToUnconstrained(FitConstraint constraint, double value)
    {
        if (!constraint.Contains(value))
            throw new ArgumentOutOfRangeException(nameof(value), value, $"{value} is outside the feasible set ({constraint})");
        return constraint.Kind switch
        {
            FitConstraintKind.Positive => Math.Log(value),
            FitConstraintKind.Interval => Logit((value - constraint.Lower) / (constraint.Upper - constraint.Lower)),
            _ => value,
        };
    }

    /// <summary><c>dθ/du</c> at <paramref name="u"/>, for the chain rule.</summary>
    public static double Derivative(FitConstraint constraint, double u)
    {
        switch (constraint.Kind)
        {
            case FitConstraintKind.Positive:
                return Math.Exp(u);
            case FitConstraintKind.Interval:
                var s = Logistic(u);
                return (constraint.Upper - constraint.Lower) * s * (1 - s);
            default:
                return 1;
        }
    }

    // Written so that neither branch overflows for large |u|.
    private static double Logistic(double u) => u >= 0 ? 1 / (1 + Math.Exp(-u)) : Math.Exp(u) / (1 + Math.Exp(u));

    private static double Logit(double fraction) => Math.Log(fraction) - Math.Log(1 - fraction);
}
