namespace OdeDsl.Runtime.Modeling;

/// <summary>
/// A trainable parameter (<c>learn</c>) of an <see cref="OdeSystemAttribute"/> class. <see cref="Min"/> alone
/// at 0 means <c>positive</c>; <see cref="Min"/> and <see cref="Max"/> together mean <c>in(Min, Max)</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Field)]
public sealed class LearnAttribute : Attribute
{
    public double Min { get; set; } = double.NegativeInfinity;

    public double Max { get; set; } = double.PositiveInfinity;
}
