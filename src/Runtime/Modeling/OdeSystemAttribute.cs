namespace OdeDsl.Runtime.Modeling;

/// <summary>
/// Marks a <c>partial</c> class as an ODE system written in C# (the attributed form of a <c>.ode</c>
/// model). OdeDsl.Generator completes the class with the same kernels the <c>.ode</c> form would get:
/// fields marked <see cref="StateAttribute"/>, <see cref="ParAttribute"/> and <see cref="LearnAttribute"/>
/// declare states and parameters with their initial values; a property <c>d&lt;state&gt;</c> is that
/// state's derivative; other expression-bodied properties are intermediate quantities, or outputs
/// when marked <see cref="AuxAttribute"/> or <see cref="ObserveAttribute"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class OdeSystemAttribute : Attribute
{
    /// <summary>The system's name; the class name when not given.</summary>
    public string? Name { get; set; }
}
