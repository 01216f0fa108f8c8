namespace OdeDsl.Generator.Model;

/// <summary>
/// An <c>[OdeSystem]</c> class read from C#: the class to complete, the equivalent <c>.ode</c> text
/// (its statements sit on the same line numbers as the C# members they come from), the C# span of
/// each of those lines for mapping language diagnostics back, and the errors found while reading.
/// </summary>
public sealed record AttributedSystem(
    TypeTarget Target,
    string Path,
    string ModelText,
    EquatableArray<LineSpan> LineSpans,
    EquatableArray<DiagnosticInfo> Diagnostics);

/// <summary>The C# span (offset, length, 1-based line/column range) that produced line <c>ModelLine</c> of the model text.</summary>
public sealed record LineSpan(int ModelLine, int Start, int Length, int Line, int Column, int EndLine, int EndColumn);
