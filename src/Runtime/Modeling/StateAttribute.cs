namespace OdeDsl.Runtime.Modeling;

/// <summary>A state variable of an <see cref="OdeSystemAttribute"/> class; the field's initializer is its initial value.</summary>
[AttributeUsage(AttributeTargets.Field)]
public sealed class StateAttribute : Attribute
{
}
