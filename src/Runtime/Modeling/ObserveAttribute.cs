namespace OdeDsl.Runtime.Modeling;

/// <summary>An <c>observe</c> output of an <see cref="OdeSystemAttribute"/> class, compared with the data column of the same name when fitting.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class ObserveAttribute : Attribute
{
    /// <summary>Fit squared residuals of logarithms (<c>~ lognormal</c>) rather than of values.</summary>
    public bool LogNormal { get; set; }
}
