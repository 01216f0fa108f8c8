namespace OdeDsl.Runtime.Modeling;

/// <summary>A parameter (<c>par</c>) of an <see cref="OdeSystemAttribute"/> class; the field's initializer is its value.</summary>
[AttributeUsage(AttributeTargets.Field)]
public sealed class ParAttribute : Attribute
{
}
