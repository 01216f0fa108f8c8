using System.Collections.Immutable;
using OdeDsl.Language.Diagnostics;

namespace OdeDsl.Language.Binding;

/// <summary>The output of binding: the system when there were no errors, and every diagnostic.</summary>
public sealed record BindResult(BoundSystem? System, ImmutableArray<Diagnostic> Diagnostics)
{
    public bool HasErrors => Diagnostics.Any(d => d.IsError);
}
