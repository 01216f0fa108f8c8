using System.Collections.Immutable;
using OdeDsl.Language.Diagnostics;

namespace OdeDsl.Language.Syntax;

/// <summary>The output of parsing: always a tree (possibly missing the lines that failed) and the diagnostics.</summary>
public sealed record ParseResult(ModelSyntax Model, ImmutableArray<Diagnostic> Diagnostics)
{
    public bool HasErrors => Diagnostics.Any(d => d.IsError);
}
