using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Sprache;

namespace OdeDsl.Language.Syntax.Grammar;

/// <summary>
/// Statements. A line is classified by its first characters (`@`, `!`, a keyword followed by a
/// name, or a name followed by `'`, `/dt`, `(` or `=`) and then read by that statement's
/// parser, so an error names what that statement expected rather than every alternative.
/// </summary>
internal sealed partial class OdeGrammar
{
    private static readonly Regex VolterraIntegral = new(@"\bint\s*(\[[^\]]*\])?\s*\{", RegexOptions.CultureInvariant);
    private static readonly Regex AlgebraicEquation = new(@"^0\s*=", RegexOptions.CultureInvariant);
    private static readonly Regex MapEquation = new(@"^\(\s*t\s*\+\s*1\s*\)", RegexOptions.CultureInvariant);

    private static readonly Dictionary<string, DeclarationKind> DeclarationKeywords = new(StringComparer.Ordinal)
    {
        ["par"] = DeclarationKind.Parameter,
        ["param"] = DeclarationKind.Parameter,
        ["parameter"] = DeclarationKind.Parameter,
        ["p"] = DeclarationKind.Parameter,
        ["number"] = DeclarationKind.Number,
        ["num"] = DeclarationKind.Number,
        ["init"] = DeclarationKind.Init,
        ["i"] = DeclarationKind.Init,
    };

    private static readonly Dictionary<string, UnsupportedConstruct> UnsupportedKeywords = new(StringComparer.Ordinal)
    {
        ["table"] = UnsupportedConstruct.Table,
        ["markov"] = UnsupportedConstruct.Markov,
        ["wiener"] = UnsupportedConstruct.Wiener,
        ["global"] = UnsupportedConstruct.Global,
        ["special"] = UnsupportedConstruct.Special,
        ["set"] = UnsupportedConstruct.Set,
        ["bdry"] = UnsupportedConstruct.BoundaryCondition,
        ["bndry"] = UnsupportedConstruct.BoundaryCondition,
        ["export"] = UnsupportedConstruct.Export,
    };

    private readonly Dictionary<string, Func<NameSyntax, IInput, IResult<ImmutableArray<StatementSyntax>>>> lineParsers;

    private Dictionary<string, Func<NameSyntax, IInput, IResult<ImmutableArray<StatementSyntax>>>> BuildStatementParsers() => new(StringComparer.Ordinal)
    {
        ["aux"] = (keyword, rest) => Single(ParseQuantity(QuantityKind.Auxiliary, rest, keyword.Span.Start - lineStart)),
        ["system"] = (keyword, rest) => Single(ParseSystem(keyword, rest)),
        ["state"] = ParseStates,
        ["learn"] = ParseLearns,
        ["net"] = (keyword, rest) => Single(ParseNet(keyword, rest)),
        ["observe"] = (keyword, rest) => Single(ParseObserve(keyword, rest)),
        ["augment"] = (keyword, rest) => Single(ParseAugment(keyword, rest)),
        ["input"] = (keyword, rest) => Single(ParseInputs(keyword, rest)),
    };

    /// <summary>Parses one logical line that starts at <paramref name="start"/> in the file; `done` yields <see cref="LineSyntax.Done"/>.</summary>
    public IResult<LineSyntax> ParseLine(string text, int start)
    {
        lineStart = start;
        var input = SkipBlanks(new LineInput(text));
        var first = input.Current;

        var volterra = VolterraIntegral.Match(text);
        if (volterra.Success)
        {
            return Unsupported(UnsupportedConstruct.Volterra, "int", volterra.Index, volterra.Index + 3, input);
        }

        if (first == '@')
        {
            return Lift(ParseOptions(input));
        }

        if (first == '!' && !(input.Position + 1 < text.Length && text[input.Position + 1] == '='))
        {
            var afterBang = SkipBlanks(input.Advance());
            return Lift(Single(ParseQuantity(QuantityKind.Derived, afterBang, input.Position)));
        }

        if (AlgebraicEquation.IsMatch(text.Substring(input.Position)))
        {
            return Unsupported(UnsupportedConstruct.AlgebraicEquation, "0=", input.Position, input.Position + 1, input);
        }

        if (!IsIdentifierStart(first))
        {
            return Fail<LineSyntax>(input, "a statement");
        }

        var word = ParseName(input);
        var afterWord = word.Remainder;
        var keyword = word.Value;
        var hadBlank = afterWord.Position > keyword.Span.End - lineStart;
        var nextIsName = !afterWord.AtEnd && IsIdentifierStart(afterWord.Current);

        if (keyword.Name == "done" && ParseEndOfLine(afterWord).WasSuccessful)
        {
            return Result.Success(LineSyntax.Done, afterWord);
        }

        if (UnsupportedKeywords.TryGetValue(keyword.Name, out var construct)
            && (afterWord.AtEnd || (hadBlank && afterWord.Current is not ('=' or '\'' or '('))))
        {
            return Unsupported(construct, keyword.Name, keyword.Span.Start - lineStart, keyword.Span.End - lineStart, afterWord);
        }

        if (hadBlank && nextIsName)
        {
            if (DeclarationKeywords.TryGetValue(keyword.Name, out var kind))
            {
                return Lift(ParseDeclarationList(kind, keyword, afterWord));
            }

            if (lineParsers.TryGetValue(keyword.Name, out var parser))
            {
                return Lift(parser(keyword, afterWord));
            }
        }

        if (keyword.Name.Length > 1 && keyword.Name[0] == 'd' && !afterWord.AtEnd && afterWord.Current == '/')
        {
            return Lift(Single(ParseDifferentialEquation(keyword, afterWord)));
        }

        return Lift(ParseNameLedStatement(input));
    }

    private IResult<LineSyntax> Unsupported(UnsupportedConstruct construct, string name, int start, int end, IInput rest) =>
        Result.Success(new LineSyntax([new UnsupportedStatementSyntax(construct, name, Span(start, end))], false), rest);

    private static IResult<LineSyntax> Lift(IResult<ImmutableArray<StatementSyntax>> result) =>
        result.WasSuccessful
            ? Result.Success(new LineSyntax(result.Value, false), result.Remainder)
            : Result.Failure<LineSyntax>(result.Remainder, result.Message, result.Expectations);

    private static IResult<ImmutableArray<StatementSyntax>> Single<T>(IResult<T> result)
        where T : StatementSyntax =>
        result.WasSuccessful
            ? Result.Success(ImmutableArray.Create<StatementSyntax>(result.Value), result.Remainder)
            : Result.Failure<ImmutableArray<StatementSyntax>>(result.Remainder, result.Message, result.Expectations);

    private static IResult<T> Relay<T, TFrom>(IResult<TFrom> failure) =>
        Result.Failure<T>(failure.Remainder, failure.Message, failure.Expectations);

    /// <summary>`x' = e`, `x(0) = e`, `f(u, v) = e`, `w = e`, and XPPAUT's `x(t+1) = e` (rejected later).</summary>
    private IResult<ImmutableArray<StatementSyntax>> ParseNameLedStatement(IInput input)
    {
        var target = ParseDeclarator(input);
        if (!target.WasSuccessful)
        {
            return Relay<ImmutableArray<StatementSyntax>, DeclaratorSyntax>(target);
        }

        var rest = target.Remainder;
        if (rest.AtEnd)
        {
            return Fail<ImmutableArray<StatementSyntax>>(rest, "''', '=' or '('");
        }

        switch (rest.Current)
        {
            case '\'':
                return Single(ParseEquationBody(target.Value, EquationForm.Prime, Symbol("'")(rest).Remainder));
            case '=':
                return Single(ParseQuantityBody(QuantityKind.Fixed, target.Value, rest, target.Value.Span.Start - lineStart));
            case '(':
                return ParseParenthesizedTarget(target.Value, rest);
            default:
                return Fail<ImmutableArray<StatementSyntax>>(rest, "''', '=' or '('");
        }
    }

    private IResult<ImmutableArray<StatementSyntax>> ParseParenthesizedTarget(DeclaratorSyntax target, IInput open)
    {
        var map = MapEquation.Match(open.Source.Substring(open.Position));
        if (map.Success)
        {
            var span = target.Span.Cover(Span(open.Position, open.Position + map.Length));
            var statement = new UnsupportedStatementSyntax(UnsupportedConstruct.Map, target.Name.Name, span);
            return Result.Success(ImmutableArray.Create<StatementSyntax>(statement), open);
        }

        var afterOpen = Symbol("(")(open).Remainder;
        var zero = ParseNumber(afterOpen);
        if (zero.WasSuccessful && zero.Value.Value == 0)
        {
            var close = Symbol(")")(zero.Remainder);
            if (!close.WasSuccessful)
            {
                return Fail<ImmutableArray<StatementSyntax>>(close.Remainder, "')'");
            }

            var equals = Symbol("=")(close.Remainder);
            if (!equals.WasSuccessful)
            {
                return Fail<ImmutableArray<StatementSyntax>>(equals.Remainder, "'='");
            }

            var value = ParseValueToEndOfLine(equals.Remainder);
            if (!value.WasSuccessful)
            {
                return Relay<ImmutableArray<StatementSyntax>, ExpressionSyntax>(value);
            }

            var initial = new InitialValueSyntax(target, value.Value, target.Span.Cover(value.Value.Span));
            return Result.Success(ImmutableArray.Create<StatementSyntax>(initial), value.Remainder);
        }

        return Single(ParseFunctionDefinition(target, afterOpen));
    }

    private IResult<FunctionDefinitionSyntax> ParseFunctionDefinition(DeclaratorSyntax target, IInput afterOpen)
    {
        var parameters = ImmutableArray.CreateBuilder<NameSyntax>();
        var rest = afterOpen;
        if (rest.AtEnd || rest.Current != ')')
        {
            while (true)
            {
                var parameter = ParseName(rest);
                if (!parameter.WasSuccessful)
                {
                    return Fail<FunctionDefinitionSyntax>(rest, "a parameter name");
                }

                parameters.Add(parameter.Value);
                rest = parameter.Remainder;
                var comma = Symbol(",")(rest);
                if (!comma.WasSuccessful)
                {
                    break;
                }

                rest = comma.Remainder;
            }
        }

        var close = Symbol(")")(rest);
        if (!close.WasSuccessful)
        {
            return Fail<FunctionDefinitionSyntax>(rest, "',' or ')'");
        }

        var equals = Symbol("=")(close.Remainder);
        if (!equals.WasSuccessful)
        {
            return Fail<FunctionDefinitionSyntax>(close.Remainder, "'='");
        }

        var body = ParseValueToEndOfLine(equals.Remainder);
        if (!body.WasSuccessful)
        {
            return Relay<FunctionDefinitionSyntax, ExpressionSyntax>(body);
        }

        var node = new FunctionDefinitionSyntax(target.Name, parameters.ToImmutable(), body.Value, target.Span.Cover(body.Value.Span));
        return Result.Success(node, body.Remainder);
    }

    /// <summary>`dx/dt = e`: the word `dx` names the state `x`.</summary>
    private IResult<EquationSyntax> ParseDifferentialEquation(NameSyntax word, IInput slash)
    {
        var dt = Keyword("dt")(Symbol("/")(slash).Remainder);
        if (!dt.WasSuccessful)
        {
            return Relay<EquationSyntax, NameSyntax>(dt);
        }

        var nameSpan = Span(word.Span.Start - lineStart + 1, word.Span.End - lineStart);
        var name = new NameSyntax(word.Name.Substring(1), nameSpan);
        var target = new DeclaratorSyntax(name, [], null, nameSpan);
        var result = ParseEquationBody(target, EquationForm.Differential, dt.Remainder);
        return result.WasSuccessful
            ? Result.Success(result.Value with { Span = word.Span.Cover(result.Value.Value.Span) }, result.Remainder)
            : result;
    }

    private IResult<EquationSyntax> ParseEquationBody(DeclaratorSyntax target, EquationForm form, IInput beforeEquals)
    {
        var equals = Symbol("=")(beforeEquals);
        if (!equals.WasSuccessful)
        {
            return Fail<EquationSyntax>(beforeEquals, "'='");
        }

        var value = ParseValueToEndOfLine(equals.Remainder);
        return value.WasSuccessful
            ? Result.Success(new EquationSyntax(target, form, value.Value, target.Span.Cover(value.Value.Span)), value.Remainder)
            : Relay<EquationSyntax, ExpressionSyntax>(value);
    }

    private IResult<QuantityDefinitionSyntax> ParseQuantity(QuantityKind kind, IInput input, int? start = null)
    {
        var target = ParseDeclarator(input);
        return target.WasSuccessful
            ? ParseQuantityBody(kind, target.Value, target.Remainder, start ?? target.Value.Span.Start - lineStart)
            : Relay<QuantityDefinitionSyntax, DeclaratorSyntax>(target);
    }

    private IResult<QuantityDefinitionSyntax> ParseQuantityBody(QuantityKind kind, DeclaratorSyntax target, IInput beforeEquals, int start)
    {
        var equals = Symbol("=", "=")(beforeEquals);
        if (!equals.WasSuccessful)
        {
            return Fail<QuantityDefinitionSyntax>(beforeEquals, "'='");
        }

        var value = ParseValueToEndOfLine(equals.Remainder);
        return value.WasSuccessful
            ? Result.Success(new QuantityDefinitionSyntax(kind, target, value.Value, Span(start, start).Cover(value.Value.Span)), value.Remainder)
            : Relay<QuantityDefinitionSyntax, ExpressionSyntax>(value);
    }

    private IResult<ExpressionSyntax> ParseValueToEndOfLine(IInput input)
    {
        var value = Expression(input);
        if (!value.WasSuccessful)
        {
            return value;
        }

        var end = ParseEndOfLine(value.Remainder);
        return end.WasSuccessful ? Result.Success(value.Value, end.Remainder) : Fail<ExpressionSyntax>(end.Remainder, "an operator or end of line");
    }

    /// <summary>A declared name with an optional shape `[2]`, `[2,3]` or XPPAUT range `[1..5]`.</summary>
    private IResult<DeclaratorSyntax> ParseDeclarator(IInput input)
    {
        var name = ParseName(input);
        if (!name.WasSuccessful)
        {
            return Relay<DeclaratorSyntax, NameSyntax>(name);
        }

        var rest = name.Remainder;
        if (rest.AtEnd || rest.Current != '[')
        {
            return Result.Success(new DeclaratorSyntax(name.Value, [], null, name.Value.Span), rest);
        }

        var open = rest.Position;
        rest = Symbol("[")(rest).Remainder;
        var low = ParseNumber(rest);
        if (!low.WasSuccessful)
        {
            return Fail<DeclaratorSyntax>(rest, "an integer size or range such as [3] or [1..5]");
        }

        rest = low.Remainder;
        var dots = Symbol("..")(rest);
        if (dots.WasSuccessful)
        {
            var high = ParseNumber(dots.Remainder);
            if (!high.WasSuccessful)
            {
                return Fail<DeclaratorSyntax>(dots.Remainder, "an integer");
            }

            var close = Symbol("]")(high.Remainder);
            if (!close.WasSuccessful)
            {
                return Fail<DeclaratorSyntax>(high.Remainder, "']'");
            }

            var rangeSpan = Span(open, close.Value + 1);
            var range = new ArrayRangeSyntax(ToInteger(low.Value), ToInteger(high.Value), rangeSpan);
            return Result.Success(new DeclaratorSyntax(name.Value, [], range, name.Value.Span.Cover(rangeSpan)), close.Remainder);
        }

        var dimensions = ImmutableArray.CreateBuilder<NumberLiteralSyntax>();
        dimensions.Add(low.Value);
        while (true)
        {
            var comma = Symbol(",")(rest);
            if (!comma.WasSuccessful)
            {
                break;
            }

            var next = ParseNumber(comma.Remainder);
            if (!next.WasSuccessful)
            {
                return Fail<DeclaratorSyntax>(comma.Remainder, "an integer size");
            }

            dimensions.Add(next.Value);
            rest = next.Remainder;
        }

        var end = Symbol("]")(rest);
        if (!end.WasSuccessful)
        {
            return Fail<DeclaratorSyntax>(rest, "',' or ']'");
        }

        return Result.Success(new DeclaratorSyntax(name.Value, dimensions.ToImmutable(), null, name.Value.Span.Cover(Span(open, end.Value + 1))), end.Remainder);
    }

    /// <summary>Non-integers become -1, which the range check reports as an invalid range.</summary>
    private static int ToInteger(NumberLiteralSyntax number) =>
        number.Value == Math.Floor(number.Value) && Math.Abs(number.Value) < 1e9 ? (int)number.Value : -1;
}
