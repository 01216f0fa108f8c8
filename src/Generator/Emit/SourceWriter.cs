using System.Text;

namespace OdeDsl.Generator.Emit;

/// <summary>Writes C# text line by line with four-space indentation per open block.</summary>
public sealed class SourceWriter
{
    private readonly StringBuilder text = new();
    private int depth;

    public void Line(string line = "")
    {
        if (line.Length > 0)
        {
            text.Append(' ', depth * 4);
            text.Append(line);
        }
        text.Append('\n');
    }

    public void Open(string header)
    {
        Line(header);
        Line("{");
        depth++;
    }

    public void Close(string suffix = "")
    {
        depth--;
        Line("}" + suffix);
    }

    public override string ToString() => text.ToString();
}
