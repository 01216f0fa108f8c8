using System.Globalization;
using System.Text.RegularExpressions;

namespace OdeDsl.Language.Tests.Support;

/// <summary>
/// A `# check: x=1, z=[2, 0], t=0.5 -> x'=3, z'=[-0.2, -4]` header: a point (states, `t`,
/// inputs) and the hand-computed derivative values there. Parameters keep their defaults.
/// </summary>
public sealed record CheckPoint(IReadOnlyDictionary<string, double[]> Point, IReadOnlyDictionary<string, double[]> Expected)
{
    private static readonly Regex Assignment = new(@"([A-Za-z_][A-Za-z0-9_]*'?)\s*=\s*(\[[^\]]*\]|[-+0-9.eE]+)", RegexOptions.CultureInvariant);

    public static IEnumerable<CheckPoint> FromHeader(string text)
    {
        foreach (var line in text.Split('\n').Select(l => l.Trim()).Where(l => l.StartsWith("# check:", StringComparison.Ordinal)))
        {
            var parts = line.Substring("# check:".Length).Split(["->"], StringSplitOptions.None);
            yield return new CheckPoint(Parse(parts[0]), Parse(parts[1]));
        }
    }

    private static Dictionary<string, double[]> Parse(string text) =>
        Assignment.Matches(text).Cast<Match>().ToDictionary(
            m => m.Groups[1].Value.TrimEnd('\''),
            m => m.Groups[2].Value.Trim('[', ']').Split(',').Select(v => double.Parse(v.Trim(), CultureInfo.InvariantCulture)).ToArray());
}
