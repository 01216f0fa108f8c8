namespace OdeDsl.Language.Text;

/// <summary>The text of one `.ode` file and where its lines start, so that offsets turn into line:column.</summary>
public sealed class SourceText
{
    private readonly int[] lineStarts;

    public SourceText(string text, string path = "")
    {
        Text = text ?? string.Empty;
        Path = path ?? string.Empty;
        lineStarts = ComputeLineStarts(Text);
    }

    public string Path { get; }

    public string Text { get; }

    public int Length => Text.Length;

    public int LineCount => lineStarts.Length;

    /// <summary>1-based line and column of an offset; offsets past the end map to the end.</summary>
    public (int Line, int Column) GetLineColumn(int offset)
    {
        offset = Math.Max(0, Math.Min(offset, Text.Length));
        var index = Array.BinarySearch(lineStarts, offset);
        var line = index >= 0 ? index : ~index - 1;
        return (line + 1, offset - lineStarts[line] + 1);
    }

    public SourceSpan GetSpan(int start, int length)
    {
        start = Math.Max(0, Math.Min(start, Text.Length));
        length = Math.Max(0, Math.Min(length, Text.Length - start));
        var (line, column) = GetLineColumn(start);
        var (endLine, endColumn) = GetLineColumn(start + length);
        return new SourceSpan(Path, start, length, line, column, endLine, endColumn);
    }

    public SourceSpan GetSpanBetween(int start, int end) => GetSpan(start, end - start);

    /// <summary>The text of a 1-based line without its line break.</summary>
    public string GetLineText(int line)
    {
        var start = lineStarts[line - 1];
        var end = line < lineStarts.Length ? lineStarts[line] : Text.Length;
        return Text.Substring(start, end - start).TrimEnd('\r', '\n');
    }

    private static int[] ComputeLineStarts(string text)
    {
        var starts = new List<int> { 0 };
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                starts.Add(i + 1);
            }
        }

        return starts.ToArray();
    }
}
