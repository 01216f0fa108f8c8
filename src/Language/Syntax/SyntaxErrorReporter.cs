using OdeDsl.Language.Diagnostics;
using OdeDsl.Language.Syntax.Grammar;
using OdeDsl.Language.Text;

namespace OdeDsl.Language.Syntax;

/// <summary>Turns a Sprache failure into a diagnostic that names the unexpected token and what would have fitted.</summary>
internal static class SyntaxErrorReporter
{
    public static Diagnostic Describe(SourceText source, LogicalLine line, int position, IEnumerable<string> expectations)
    {
        var text = line.Text;
        var expected = expectations.Distinct().ToList();
        var tokenLength = TokenLength(text, position);
        var span = source.GetSpan(line.Start + position, tokenLength);
        var unexpected = tokenLength == 0 ? "end of line" : $"'{text.Substring(position, tokenLength)}'";

        if (expected.Contains(OdeGrammar.ThenExpectation) || expected.Contains(OdeGrammar.ElseExpectation))
        {
            return Diagnostic.Create(DiagnosticDescriptors.UnterminatedConditional, span, JoinExpectations(expected));
        }

        if (expected.Contains(OdeGrammar.FiniteNumberExpectation))
        {
            return Diagnostic.Create(DiagnosticDescriptors.InvalidNumber, span, text.Substring(position, tokenLength));
        }

        if (position < text.Length && IsInvalidCharacter(text[position]))
        {
            var c = text[position];
            return Diagnostic.Create(DiagnosticDescriptors.InvalidCharacter, source.GetSpan(line.Start + position, 1), $"U+{(int)c:X4}" + (char.IsControl(c) ? string.Empty : $" '{c}'"));
        }

        if (expected.Contains("a statement"))
        {
            return Diagnostic.Create(DiagnosticDescriptors.UnrecognizedStatement, span);
        }

        return Diagnostic.Create(DiagnosticDescriptors.SyntaxError, span, unexpected, JoinExpectations(expected));
    }

    private static bool IsInvalidCharacter(char c) => c > '~' || (c < ' ' && c != '\t');

    /// <summary>The length of the name, number or single character at <paramref name="position"/>; 0 at the end of the line.</summary>
    private static int TokenLength(string text, int position)
    {
        if (position >= text.Length || text[position] == '#')
        {
            return 0;
        }

        var end = position;
        if (OdeGrammar.IsIdentifierPart(text[end]) || text[end] == '.')
        {
            while (end < text.Length && (OdeGrammar.IsIdentifierPart(text[end]) || text[end] == '.'))
            {
                end++;
            }

            return end - position;
        }

        return char.IsHighSurrogate(text[position]) && position + 1 < text.Length ? 2 : 1;
    }

    private static string JoinExpectations(List<string> expected) => expected.Count switch
    {
        0 => "something else",
        1 => expected[0],
        _ => string.Join(", ", expected.Take(expected.Count - 1)) + " or " + expected[expected.Count - 1],
    };
}
