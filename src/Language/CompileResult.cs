using System.Collections.Immutable;
using OdeDsl.Language.Diagnostics;
using OdeDsl.Language.Differentiation;

namespace OdeDsl.Language;

/// <summary>
/// The output of the whole language pipeline: the system with its derivatives when no stage
/// reported an error, and every diagnostic of every stage in source order.
/// </summary>
public sealed record CompileResult(DifferentiatedSystem? System, ImmutableArray<Diagnostic> Diagnostics)
{
    public bool HasErrors => Diagnostics.Any(diagnostic => diagnostic.IsError);
}
