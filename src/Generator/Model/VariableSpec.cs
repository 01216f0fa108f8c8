namespace OdeDsl.Generator.Model;

/// <summary>
/// One flattened state or parameter component: its display name (<c>z[1]</c>, <c>W1[0,3]</c>), the
/// C# identifier of its local in generated code (<c>z_1</c>), and its <c>.ode</c> line (0 if none).
/// </summary>
public sealed record VariableSpec(string Name, string Identifier, int SourceLine = 0);
