using System.Globalization;

namespace OdeDsl.Cli.Commands;

/// <summary><c>name=value</c> pairs given on the command line (<c>--set beta=0.4</c>, <c>--weights hare=1,lynx=2</c>).</summary>
internal static class Assignments
{
    /// <param name="option">The option, for the message (<c>--set</c>).</param>
    /// <param name="example">A valid value of the option, for the message (<c>beta=0.4</c>).</param>
    public static (IReadOnlyList<(string Name, double Value)> Assignments, string? Problem) Parse(IEnumerable<string> texts,
        string option, string example)
    {
        var assignments = new List<(string, double)>();
        foreach (var text in texts)
        {
            var parts = text.Split('=', 2, StringSplitOptions.TrimEntries);
            if (parts.Length != 2 || parts[0].Length == 0
                || !double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                return ([], $"{option} '{text}': write name=value with a number, e.g. {option} {example}");
            }
            assignments.Add((parts[0], value));
        }
        return (assignments, null);
    }
}
