namespace OdeDsl.Language.Syntax;

/// <summary>
/// One statement's worth of text: a physical line plus the lines joined to it by trailing `\`.
/// Each continuation `\` and line break is replaced by blanks of the same length, so a
/// position in <see cref="Text"/> plus <see cref="Start"/> is the position in the file.
/// </summary>
internal readonly record struct LogicalLine(int Start, string Text)
{
    /// <summary>Splits a file into logical lines; <paramref name="danglingContinuation"/> is the offset of a final `\` with no line after it, or -1.</summary>
    public static List<LogicalLine> Split(string text, out int danglingContinuation)
    {
        var lines = new List<LogicalLine>();
        danglingContinuation = -1;
        var position = 0;
        while (position < text.Length)
        {
            var start = position;
            var builder = new System.Text.StringBuilder();
            while (true)
            {
                var newline = text.IndexOf('\n', position);
                var end = newline < 0 ? text.Length : newline;
                var continuation = FindContinuation(text, position, end);
                if (continuation < 0)
                {
                    builder.Append(text, position, end - position);
                    position = newline < 0 ? text.Length : newline + 1;
                    break;
                }

                builder.Append(text, position, continuation - position);
                if (newline < 0)
                {
                    danglingContinuation = continuation;
                    builder.Append(' ', end - continuation);
                    position = text.Length;
                    break;
                }

                builder.Append(' ', newline + 1 - continuation);
                position = newline + 1;
            }

            lines.Add(new LogicalLine(start, builder.ToString()));
        }

        return lines;
    }

    /// <summary>The offset of a `\` that ends the line (blanks may follow it), unless it sits inside a `#` comment.</summary>
    private static int FindContinuation(string text, int start, int end)
    {
        var last = end - 1;
        while (last >= start && text[last] is ' ' or '\t' or '\r')
        {
            last--;
        }

        if (last < start || text[last] != '\\')
        {
            return -1;
        }

        var comment = text.IndexOf('#', start, last - start);
        return comment >= 0 ? -1 : last;
    }
}
