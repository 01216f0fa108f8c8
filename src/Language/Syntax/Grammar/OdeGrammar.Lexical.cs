using Sprache;
using OdeDsl.Language.Text;

namespace OdeDsl.Language.Syntax.Grammar;

/// <summary>
/// The Sprache grammar of one `.ode` file. It parses one logical line at a time (continuations
/// already joined) and turns line positions into file spans through <see cref="lineStart"/>.
/// Repetition and operator chains are loops, not recursion, so long lines cannot exhaust the stack.
/// </summary>
internal sealed partial class OdeGrammar
{
    /// <summary>Expectation text that marks an if-then-else left unfinished (reported as ODE1002).</summary>
    internal const string ThenExpectation = "'then(...)'";
    internal const string ElseExpectation = "'else(...)'";

    /// <summary>Expectation text that marks a number out of double range (reported as ODE1011).</summary>
    internal const string FiniteNumberExpectation = "a finite number";

    private readonly SourceText source;
    private int lineStart;

    public OdeGrammar(SourceText source)
    {
        this.source = source;
        Expression = BuildExpressionParser();
        lineParsers = BuildStatementParsers();
    }

    private SourceSpan Span(int start, int end) => source.GetSpanBetween(lineStart + start, lineStart + end);

    private static bool IsBlank(char c) => c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v';

    internal static bool IsIdentifierStart(char c) => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or '_';

    internal static bool IsIdentifierPart(char c) => IsIdentifierStart(c) || c is (>= '0' and <= '9');

    private static IInput Advance(IInput input, int count)
    {
        for (var i = 0; i < count; i++)
        {
            input = input.Advance();
        }

        return input;
    }

    private static IInput SkipBlanks(IInput input)
    {
        while (!input.AtEnd && IsBlank(input.Current))
        {
            input = input.Advance();
        }

        return input;
    }

    private static IResult<T> Fail<T>(IInput at, string expectation) =>
        Result.Failure<T>(at, "unexpected input", [expectation]);

    /// <summary>A name: a letter or `_`, then letters, digits and `_`; trailing blanks are skipped.</summary>
    private IResult<NameSyntax> ParseName(IInput input)
    {
        var text = input.Source;
        var start = input.Position;
        if (input.AtEnd || !IsIdentifierStart(text[start]))
        {
            return Fail<NameSyntax>(input, "a name");
        }

        var end = start + 1;
        while (end < text.Length && IsIdentifierPart(text[end]))
        {
            end++;
        }

        var name = new NameSyntax(text.Substring(start, end - start), Span(start, end));
        return Result.Success(name, SkipBlanks(Advance(input, end - start)));
    }

    /// <summary>`1`, `1.5`, `.5`, `1e-3`, `2.5E+4`; an exponent needs digits, so `2e` stops before the `e`.</summary>
    private IResult<NumberLiteralSyntax> ParseNumber(IInput input)
    {
        var text = input.Source;
        var start = input.Position;
        var end = start;
        var digits = 0;
        while (end < text.Length && char.IsDigit(text[end]) && text[end] < 128)
        {
            end++;
            digits++;
        }

        if (end < text.Length && text[end] == '.' && !(end + 1 < text.Length && text[end + 1] == '.'))
        {
            end++;
            while (end < text.Length && text[end] is >= '0' and <= '9')
            {
                end++;
                digits++;
            }
        }

        if (digits == 0)
        {
            return Fail<NumberLiteralSyntax>(input, "a number");
        }

        if (end < text.Length && text[end] is 'e' or 'E')
        {
            var exponent = end + 1;
            if (exponent < text.Length && text[exponent] is '+' or '-')
            {
                exponent++;
            }

            if (exponent < text.Length && text[exponent] is >= '0' and <= '9')
            {
                end = exponent;
                while (end < text.Length && text[end] is >= '0' and <= '9')
                {
                    end++;
                }
            }
        }

        var spelling = text.Substring(start, end - start);
        var value = double.Parse(spelling, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture);
        if (double.IsInfinity(value))
        {
            return Fail<NumberLiteralSyntax>(input, FiniteNumberExpectation);
        }

        return Result.Success(new NumberLiteralSyntax(value, spelling, Span(start, end)), SkipBlanks(Advance(input, end - start)));
    }

    /// <summary>A fixed piece of punctuation such as `=` or `..`, then blanks; `rejectNext` keeps `*` from matching the start of `**`.</summary>
    private static Parser<int> Symbol(string symbol, string? rejectNext = null) => input =>
        TryMatch(input, symbol, rejectNext, out var remainder)
            ? Result.Success(input.Position, remainder)
            : Fail<int>(input, $"'{symbol}'");

    /// <summary>The allocation-free test behind <see cref="Symbol"/>, for the operator loops that try many symbols per operand.</summary>
    private static bool TryMatch(IInput input, string symbol, string? rejectNext, out IInput remainder)
    {
        var text = input.Source;
        var start = input.Position;
        if (string.CompareOrdinal(text, start, symbol, 0, symbol.Length) != 0
            || (rejectNext is not null && start + symbol.Length < text.Length && rejectNext.IndexOf(text[start + symbol.Length]) >= 0))
        {
            remainder = input;
            return false;
        }

        remainder = SkipBlanks(Advance(input, symbol.Length));
        return true;
    }

    /// <summary>A keyword: the word itself, not the start of a longer name.</summary>
    private Parser<NameSyntax> Keyword(string word) => input =>
    {
        var name = ParseName(input);
        return name.WasSuccessful && name.Value.Name == word ? name : Fail<NameSyntax>(input, $"'{word}'");
    };

    /// <summary>The end of a statement: blanks, an optional `#` comment, then the end of the line.</summary>
    private static IResult<int> ParseEndOfLine(IInput input)
    {
        input = SkipBlanks(input);
        if (input.AtEnd || input.Current == '#')
        {
            return Result.Success(input.Position, input);
        }

        return Fail<int>(input, "end of line");
    }

    private static readonly Parser<int> EndOfLine = ParseEndOfLine;
}
