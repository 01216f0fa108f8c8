namespace OdeDsl.Language.Text;

/// <summary>
/// Where a piece of source text lies: the file, the offset and length, and the 1-based line and
/// column of its start and end (the end is exclusive), so messages and generated comments need
/// no second look at the text.
/// </summary>
public readonly record struct SourceSpan(string Path, int Start, int Length, int Line, int Column, int EndLine, int EndColumn)
{
    public int End => Start + Length;

    /// <summary>The smallest span that covers both spans (they must come from the same file).</summary>
    public SourceSpan Cover(SourceSpan other)
    {
        var first = Start <= other.Start ? this : other;
        var last = End >= other.End ? this : other;
        return new SourceSpan(Path, first.Start, last.End - first.Start, first.Line, first.Column, last.EndLine, last.EndColumn);
    }

    /// <summary>`3:5-3:9`, the form test files use to state an expected span.</summary>
    public string ToRangeString() => $"{Line}:{Column}-{EndLine}:{EndColumn}";

    public override string ToString() => $"{Path}({Line},{Column})";
}
