namespace OdeDsl.Generator.Model;

/// <summary>One <c>@</c> option of the file (<c>total=20</c>), value kept as written.</summary>
public sealed record SolverOptionSpec(string Name, string Value);
