namespace OdeDsl.Language.Diagnostics;

/// <summary>
/// One row of the diagnostics table: a stable code (never reused), a short title, a severity
/// and a message format whose `{0}`, `{1}`… are filled per occurrence.
/// </summary>
public sealed record DiagnosticDescriptor(string Code, string Title, DiagnosticSeverity Severity, string MessageFormat)
{
    public string Format(params object[] arguments) =>
        arguments.Length == 0 ? MessageFormat : string.Format(System.Globalization.CultureInfo.InvariantCulture, MessageFormat, arguments);
}
