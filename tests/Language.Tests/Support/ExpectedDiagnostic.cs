using System.Text.RegularExpressions;

namespace OdeDsl.Language.Tests.Support;

/// <summary>An `# expect: ODE2001 at 3:5-3:9` header line of an invalid corpus file.</summary>
public sealed record ExpectedDiagnostic(string Code, string Range)
{
    private static readonly Regex Header = new(@"^#\s*expect:\s*(ODE\d{4})\s+at\s+(\d+:\d+-\d+:\d+)\s*$", RegexOptions.CultureInvariant | RegexOptions.Multiline);

    public static List<ExpectedDiagnostic> FromHeader(string text) =>
        Header.Matches(text).Cast<Match>().Select(m => new ExpectedDiagnostic(m.Groups[1].Value, m.Groups[2].Value)).ToList();

    public override string ToString() => $"{Code} at {Range}";
}
