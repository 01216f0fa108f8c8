namespace OdeDsl.Runtime.Modeling;

/// <summary>An <c>aux</c> output of an <see cref="OdeSystemAttribute"/> class: an expression-bodied property reported beside the states.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class AuxAttribute : Attribute
{
}
