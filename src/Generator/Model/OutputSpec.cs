namespace OdeDsl.Generator.Model;

/// <summary>An <c>aux</c> or <c>observe</c> output; <c>Distribution</c> is <c>normal</c> or <c>lognormal</c> for observations.</summary>
public sealed record OutputSpec(string Name, OutputKind Kind, string Distribution = "normal");

public enum OutputKind
{
    Aux,
    Observe,
}
