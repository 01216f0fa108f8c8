using System.Collections.Immutable;
using OdeDsl.Language.Diagnostics;

namespace OdeDsl.Language.Differentiation;

/// <summary>The output of differentiation: the system with its derivatives when no error was found, and every diagnostic.</summary>
public sealed record DifferentiationResult(DifferentiatedSystem? System, ImmutableArray<Diagnostic> Diagnostics)
{
    public bool HasErrors => Diagnostics.Any(diagnostic => diagnostic.IsError);
}
