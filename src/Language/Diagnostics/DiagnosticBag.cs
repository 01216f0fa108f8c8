using System.Collections.Immutable;
using OdeDsl.Language.Text;

namespace OdeDsl.Language.Diagnostics;

/// <summary>Collects diagnostics of one stage; the same message at the same place is kept once.</summary>
public sealed class DiagnosticBag
{
    private readonly List<Diagnostic> diagnostics = [];
    private readonly HashSet<(string Code, int Start, int Length, string Message)> seen = [];

    public bool HasErrors { get; private set; }

    public void Report(DiagnosticDescriptor descriptor, SourceSpan span, params object[] arguments) =>
        Add(Diagnostic.Create(descriptor, span, arguments));

    public void Add(Diagnostic diagnostic)
    {
        if (!seen.Add((diagnostic.Code, diagnostic.Span.Start, diagnostic.Span.Length, diagnostic.Message)))
        {
            return;
        }

        diagnostics.Add(diagnostic);
        HasErrors |= diagnostic.IsError;
    }

    /// <summary>Diagnostics in source order, so a file's problems read top to bottom.</summary>
    public ImmutableArray<Diagnostic> ToImmutable() =>
        diagnostics.OrderBy(d => d.Span.Start).ThenBy(d => d.Code, StringComparer.Ordinal).ToImmutableArray();
}
