using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using OdeDsl.Generator.Model;

namespace OdeDsl.Generator;

/// <summary>
/// The generator's own diagnostics (ODE5xxx: generation), and the bridge that reports any
/// <see cref="DiagnosticInfo"/> — the language's ODE1xxx–ODE4xxx included — as a compiler diagnostic
/// at its file, line and column. Codes are stable and never reused; see AnalyzerReleases.Unshipped.md.
/// </summary>
public static class Descriptors
{
    public const string Category = "OdeDsl";

    public static readonly DiagnosticDescriptor UnsupportedInGeneratedCode = new(
        "ODE5001", "Not supported by generated kernels", "{0}", Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor UnsupportedCSharp = new(
        "ODE5002", "Not supported in an [OdeSystem] class", "{0}", Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor DuplicateSystem = new(
        "ODE5003", "Duplicate system", "{0}", Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor UnreadableFile = new(
        "ODE5004", "Unreadable model file", "{0}", Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor InternalError = new(
        "ODE5999", "Internal generator error", "OdeDsl.Generator failed on this model ({0}); please report it with the model", Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    private static readonly Dictionary<string, DiagnosticDescriptor> Cache = new();

    public static void Report(SourceProductionContext context, EquatableArray<DiagnosticInfo> diagnostics)
    {
        foreach (var info in diagnostics) context.ReportDiagnostic(ToDiagnostic(info));
    }

    public static Diagnostic ToDiagnostic(DiagnosticInfo info)
    {
        var location = Location.Create(
            info.Path,
            new TextSpan(info.Start, info.Length),
            new LinePositionSpan(
                new LinePosition(System.Math.Max(0, info.Line - 1), System.Math.Max(0, info.Column - 1)),
                new LinePosition(System.Math.Max(0, info.EndLine - 1), System.Math.Max(0, info.EndColumn - 1))));
        return Diagnostic.Create(Descriptor(info), location, info.Message);
    }

    /// <summary>A descriptor per code; the language's table is the source of codes, titles and severities.</summary>
    private static DiagnosticDescriptor Descriptor(DiagnosticInfo info)
    {
        lock (Cache)
        {
            var key = info.Code + "/" + info.Severity;
            if (!Cache.TryGetValue(key, out var descriptor))
            {
                var severity = info.Severity switch
                {
                    2 => DiagnosticSeverity.Error,
                    1 => DiagnosticSeverity.Warning,
                    _ => DiagnosticSeverity.Info,
                };
                descriptor = new DiagnosticDescriptor(info.Code, info.Title, "{0}", Category, severity, isEnabledByDefault: true);
                Cache[key] = descriptor;
            }
            return descriptor;
        }
    }

    /// <summary>A generator diagnostic at a whole file or a span of it, as a cacheable value.</summary>
    public static DiagnosticInfo Info(DiagnosticDescriptor descriptor, string path, string message, int start = 0, int length = 0, int line = 1, int column = 1, int endLine = 1, int endColumn = 1) =>
        new(descriptor.Id, descriptor.Title.ToString(System.Globalization.CultureInfo.InvariantCulture),
            descriptor.DefaultSeverity switch { DiagnosticSeverity.Error => 2, DiagnosticSeverity.Warning => 1, _ => 0 },
            descriptor.Id == InternalError.Id ? string.Format(System.Globalization.CultureInfo.InvariantCulture, "OdeDsl.Generator failed on this model ({0}); please report it with the model", message) : message,
            path, start, length, line, column, endLine, endColumn);
}
