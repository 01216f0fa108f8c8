namespace OdeDsl.Generator.Model;

/// <summary>
/// A diagnostic as plain values (code, severity, message and where it is: file, offset, 1-based
/// line and column range), so diagnostics can flow through the incremental pipeline and be cached.
/// <c>Severity</c> is 0 info, 1 warning, 2 error.
/// </summary>
public sealed record DiagnosticInfo(
    string Code,
    string Title,
    int Severity,
    string Message,
    string Path,
    int Start,
    int Length,
    int Line,
    int Column,
    int EndLine,
    int EndColumn)
{
    public bool IsError => Severity == 2;

    /// <summary><c>path(line,col): error CODE: message</c>, the form compilers print.</summary>
    public override string ToString()
    {
        var severity = Severity switch { 2 => "error", 1 => "warning", _ => "info" };
        return $"{Path}({Line},{Column}): {severity} {Code}: {Message}";
    }
}
