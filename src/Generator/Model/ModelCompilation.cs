namespace OdeDsl.Generator.Model;

/// <summary>The outcome of compiling one model file: its spec when it compiled without errors, and every diagnostic.</summary>
public sealed record ModelCompilation(string Path, SystemSpec? Spec, EquatableArray<DiagnosticInfo> Diagnostics)
{
    public bool HasErrors => Spec is null || Diagnostics.Any(d => d.IsError);
}
