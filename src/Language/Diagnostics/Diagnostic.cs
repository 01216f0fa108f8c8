using OdeDsl.Language.Text;

namespace OdeDsl.Language.Diagnostics;

/// <summary>A user-facing problem in a model: a descriptor, where it is, and the filled-in message.</summary>
public sealed record Diagnostic(DiagnosticDescriptor Descriptor, SourceSpan Span, string Message)
{
    public string Code => Descriptor.Code;

    public DiagnosticSeverity Severity => Descriptor.Severity;

    public bool IsError => Descriptor.Severity == DiagnosticSeverity.Error;

    public static Diagnostic Create(DiagnosticDescriptor descriptor, SourceSpan span, params object[] arguments) =>
        new(descriptor, span, descriptor.Format(arguments));

    /// <summary>`path(line,col): error ODE2001: message`, the form compilers and editors understand.</summary>
    public override string ToString()
    {
        var severity = Severity switch
        {
            DiagnosticSeverity.Error => "error",
            DiagnosticSeverity.Warning => "warning",
            _ => "info",
        };
        return $"{Span.Path}({Span.Line},{Span.Column}): {severity} {Code}: {Message}";
    }
}
