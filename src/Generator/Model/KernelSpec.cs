namespace OdeDsl.Generator.Model;

/// <summary>
/// A straight-line program: statements in dependency order, then the output elements. The emitter
/// drops statements no output needs and hoists those that depend only on θ and t out of the batch loop,
/// so a spec may list every statement of the shared forward/derivative DAG.
/// </summary>
public sealed record KernelSpec(EquatableArray<KernelStatement> Statements, EquatableArray<KernelOutput> Outputs)
{
    public static readonly KernelSpec Empty = new(EquatableArray<KernelStatement>.Empty, EquatableArray<KernelOutput>.Empty);
}
