namespace OdeDsl.Generator.Model;

/// <summary>
/// Where a system's class goes: its namespace (null for the global one), its declaration keywords
/// (<c>public sealed partial class</c> for a <c>.ode</c> file, <c>partial class</c> to complete an
/// attributed class) and its name, plus the declarations of any containing types, outermost first.
/// </summary>
public sealed record TypeTarget(string? Namespace, string Declaration, string Name, EquatableArray<string> ContainingTypes)
{
    public static TypeTarget ForModelFile(string? @namespace, string name) =>
        new(@namespace, "public sealed partial class", name, EquatableArray<string>.Empty);
}
