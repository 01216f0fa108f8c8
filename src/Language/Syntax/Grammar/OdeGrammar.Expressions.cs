using System.Collections.Immutable;
using Sprache;

namespace OdeDsl.Language.Syntax.Grammar;

/// <summary>
/// Expressions, lowest precedence first: `c ? a : b`; `|`; `&amp;`; comparisons; `+ -`; `* / @`;
/// prefix `- + !`; `^` and `**` (right-associative, binding tighter than prefix minus, so
/// `-x^2` is `-(x^2)`); indexing; then numbers, names, calls, `if(...)then(...)else(...)`,
/// parentheses and vector literals.
/// </summary>
internal sealed partial class OdeGrammar
{
    private static readonly (string Symbol, string? RejectNext, BinaryOperator Operator)[] OrOperators =
        [("||", null, BinaryOperator.Or), ("|", null, BinaryOperator.Or)];

    private static readonly (string Symbol, string? RejectNext, BinaryOperator Operator)[] AndOperators =
        [("&&", null, BinaryOperator.And), ("&", null, BinaryOperator.And)];

    private static readonly (string Symbol, string? RejectNext, BinaryOperator Operator)[] ComparisonOperators =
    [
        ("<=", null, BinaryOperator.LessOrEqual), (">=", null, BinaryOperator.GreaterOrEqual),
        ("==", null, BinaryOperator.Equal), ("!=", null, BinaryOperator.NotEqual),
        ("<", null, BinaryOperator.Less), (">", null, BinaryOperator.Greater),
    ];

    private static readonly (string Symbol, string? RejectNext, BinaryOperator Operator)[] AdditiveOperators =
        [("+", null, BinaryOperator.Add), ("-", null, BinaryOperator.Subtract)];

    private static readonly (string Symbol, string? RejectNext, BinaryOperator Operator)[] MultiplicativeOperators =
        [("*", "*", BinaryOperator.Multiply), ("/", null, BinaryOperator.Divide), ("@", null, BinaryOperator.MatrixMultiply)];

    public Parser<ExpressionSyntax> Expression { get; }

    private Parser<ExpressionSyntax> BuildExpressionParser() => ParseConditional;

    private IResult<ExpressionSyntax> ParseConditional(IInput input)
    {
        var condition = ParseOr(input);
        if (!condition.WasSuccessful)
        {
            return condition;
        }

        if (!TryMatch(condition.Remainder, "?", null, out var afterQuestion))
        {
            return condition;
        }

        var whenTrue = ParseConditional(afterQuestion);
        if (!whenTrue.WasSuccessful)
        {
            return whenTrue;
        }

        var colon = Symbol(":")(whenTrue.Remainder);
        if (!colon.WasSuccessful)
        {
            return Fail<ExpressionSyntax>(colon.Remainder, "':'");
        }

        var whenFalse = ParseConditional(colon.Remainder);
        if (!whenFalse.WasSuccessful)
        {
            return whenFalse;
        }

        var node = new ConditionalExpressionSyntax(condition.Value, whenTrue.Value, whenFalse.Value, condition.Value.Span.Cover(whenFalse.Value.Span));
        return Result.Success<ExpressionSyntax>(node, whenFalse.Remainder);
    }

    private IResult<ExpressionSyntax> ParseOr(IInput input) => ParseLeftChain(input, OrOperators, ParseAnd);

    private IResult<ExpressionSyntax> ParseAnd(IInput input) => ParseLeftChain(input, AndOperators, ParseComparison);

    private IResult<ExpressionSyntax> ParseComparison(IInput input) => ParseLeftChain(input, ComparisonOperators, ParseAdditive);

    private IResult<ExpressionSyntax> ParseAdditive(IInput input) => ParseLeftChain(input, AdditiveOperators, ParseMultiplicative);

    private IResult<ExpressionSyntax> ParseMultiplicative(IInput input) => ParseLeftChain(input, MultiplicativeOperators, ParseUnary);

    private static IResult<ExpressionSyntax> ParseLeftChain(
        IInput input,
        (string Symbol, string? RejectNext, BinaryOperator Operator)[] operators,
        Func<IInput, IResult<ExpressionSyntax>> operand)
    {
        var first = operand(input);
        if (!first.WasSuccessful)
        {
            return first;
        }

        var left = first.Value;
        var rest = first.Remainder;
        while (TryOperator(rest, operators, out var op, out var afterOperator))
        {
            var right = operand(afterOperator);
            if (!right.WasSuccessful)
            {
                return right;
            }

            left = new BinaryExpressionSyntax(op, left, right.Value, left.Span.Cover(right.Value.Span));
            rest = right.Remainder;
        }

        return Result.Success(left, rest);
    }

    private static bool TryOperator(
        IInput input,
        (string Symbol, string? RejectNext, BinaryOperator Operator)[] operators,
        out BinaryOperator op,
        out IInput remainder)
    {
        foreach (var candidate in operators)
        {
            if (TryMatch(input, candidate.Symbol, candidate.RejectNext, out remainder))
            {
                op = candidate.Operator;
                return true;
            }
        }

        op = default;
        remainder = input;
        return false;
    }

    /// <summary>
    /// Prefix operators and right-associative powers, read in a loop: `a ^ -b ^ c` is
    /// `a^(-(b^c))`. Operands and their prefixes are collected, then folded from the right.
    /// </summary>
    private IResult<ExpressionSyntax> ParseUnary(IInput input)
    {
        var prefixes = new List<List<(UnaryOperator Operator, int Start)>>();
        var operands = new List<ExpressionSyntax>();
        var rest = input;
        while (true)
        {
            var ops = new List<(UnaryOperator, int)>();
            while (TryPrefix(rest, out var prefix, out var afterPrefix))
            {
                ops.Add((prefix, rest.Position));
                rest = afterPrefix;
            }

            var operand = ParsePostfix(rest);
            if (!operand.WasSuccessful)
            {
                return operand;
            }

            prefixes.Add(ops);
            operands.Add(operand.Value);
            rest = operand.Remainder;

            if (!TryMatch(rest, "^", null, out var afterPower) && !TryMatch(rest, "**", null, out afterPower))
            {
                break;
            }

            rest = afterPower;
        }

        var result = operands[operands.Count - 1];
        for (var i = operands.Count - 2; i >= 0; i--)
        {
            var exponent = ApplyPrefixes(prefixes[i + 1], result);
            result = new BinaryExpressionSyntax(BinaryOperator.Power, operands[i], exponent, operands[i].Span.Cover(exponent.Span));
        }

        return Result.Success(ApplyPrefixes(prefixes[0], result), rest);
    }

    private static readonly (string Symbol, string? RejectNext, UnaryOperator Operator)[] PrefixOperators =
        [("-", null, UnaryOperator.Negate), ("+", null, UnaryOperator.Plus), ("!", "=", UnaryOperator.Not)];

    private static bool TryPrefix(IInput input, out UnaryOperator op, out IInput remainder)
    {
        foreach (var candidate in PrefixOperators)
        {
            if (TryMatch(input, candidate.Symbol, candidate.RejectNext, out remainder))
            {
                op = candidate.Operator;
                return true;
            }
        }

        op = default;
        remainder = input;
        return false;
    }

    private ExpressionSyntax ApplyPrefixes(List<(UnaryOperator Operator, int Start)> prefixes, ExpressionSyntax operand)
    {
        for (var i = prefixes.Count - 1; i >= 0; i--)
        {
            var span = Span(prefixes[i].Start, prefixes[i].Start + 1).Cover(operand.Span);
            operand = new UnaryExpressionSyntax(prefixes[i].Operator, operand, span);
        }

        return operand;
    }

    /// <summary>A primary followed by any number of `[i]` or `[i, j]` index lists.</summary>
    private IResult<ExpressionSyntax> ParsePostfix(IInput input)
    {
        var primary = ParsePrimary(input);
        if (!primary.WasSuccessful)
        {
            return primary;
        }

        var target = primary.Value;
        var rest = primary.Remainder;
        while (!rest.AtEnd && rest.Current == '[')
        {
            var indices = ParseBracketedList(rest, '[', ']');
            if (!indices.WasSuccessful)
            {
                return Result.Failure<ExpressionSyntax>(indices.Remainder, indices.Message, indices.Expectations);
            }

            var (items, end) = indices.Value;
            target = new IndexExpressionSyntax(target, items, target.Span.Cover(Span(end - 1, end)));
            rest = indices.Remainder;
        }

        return Result.Success(target, rest);
    }

    private IResult<ExpressionSyntax> ParsePrimary(IInput input)
    {
        if (input.AtEnd)
        {
            return Fail<ExpressionSyntax>(input, "an expression");
        }

        var c = input.Current;
        if (c == '(')
        {
            var open = Symbol("(")(input);
            var inner = ParseConditional(open.Remainder);
            if (!inner.WasSuccessful)
            {
                return inner;
            }

            var close = Symbol(")")(inner.Remainder);
            return close.WasSuccessful
                ? Result.Success(inner.Value, close.Remainder)
                : Fail<ExpressionSyntax>(close.Remainder, "')'");
        }

        if (c == '[')
        {
            var list = ParseBracketedList(input, '[', ']');
            if (!list.WasSuccessful)
            {
                return Result.Failure<ExpressionSyntax>(list.Remainder, list.Message, list.Expectations);
            }

            var (items, end) = list.Value;
            return Result.Success<ExpressionSyntax>(new VectorLiteralSyntax(items, Span(input.Position, end)), list.Remainder);
        }

        if (c is (>= '0' and <= '9') or '.')
        {
            var number = ParseNumber(input);
            return number.WasSuccessful
                ? Result.Success<ExpressionSyntax>(number.Value, number.Remainder)
                : Result.Failure<ExpressionSyntax>(number.Remainder, number.Message, number.Expectations);
        }

        if (IsIdentifierStart(c))
        {
            var name = ParseName(input);
            var rest = name.Remainder;
            if (rest.AtEnd || rest.Current != '(')
            {
                return Result.Success<ExpressionSyntax>(name.Value, rest);
            }

            if (name.Value.Name == "if")
            {
                return ParseIfThenElse(name.Value, rest);
            }

            var arguments = ParseBracketedList(rest, '(', ')', allowEmpty: true);
            if (!arguments.WasSuccessful)
            {
                return Result.Failure<ExpressionSyntax>(arguments.Remainder, arguments.Message, arguments.Expectations);
            }

            var (items, end) = arguments.Value;
            var call = new CallExpressionSyntax(name.Value, items, name.Value.Span.Cover(Span(end - 1, end)));
            return Result.Success<ExpressionSyntax>(call, arguments.Remainder);
        }

        return Fail<ExpressionSyntax>(input, "an expression");
    }

    /// <summary>`if(c) then(a) else(b)`; a missing `then(...)` or `else(...)` fails with an expectation the reporter turns into ODE1002.</summary>
    private IResult<ExpressionSyntax> ParseIfThenElse(NameSyntax ifKeyword, IInput afterIf)
    {
        var condition = ParseParenthesized(afterIf);
        if (!condition.WasSuccessful)
        {
            return condition;
        }

        var then = Keyword("then")(condition.Remainder);
        if (!then.WasSuccessful || then.Remainder.AtEnd || then.Remainder.Current != '(')
        {
            return Fail<ExpressionSyntax>(condition.Remainder, ThenExpectation);
        }

        var whenTrue = ParseParenthesized(then.Remainder);
        if (!whenTrue.WasSuccessful)
        {
            return whenTrue;
        }

        var @else = Keyword("else")(whenTrue.Remainder);
        if (!@else.WasSuccessful || @else.Remainder.AtEnd || @else.Remainder.Current != '(')
        {
            return Fail<ExpressionSyntax>(whenTrue.Remainder, ElseExpectation);
        }

        var whenFalse = ParseParenthesized(@else.Remainder);
        if (!whenFalse.WasSuccessful)
        {
            return whenFalse;
        }

        var end = whenFalse.Remainder.Position;
        var span = ifKeyword.Span.Cover(Span(LastNonBlank(whenFalse.Remainder.Source, end) - 1, LastNonBlank(whenFalse.Remainder.Source, end)));
        var node = new ConditionalExpressionSyntax(condition.Value, whenTrue.Value, whenFalse.Value, span);
        return Result.Success<ExpressionSyntax>(node, whenFalse.Remainder);
    }

    private static int LastNonBlank(string text, int end)
    {
        while (end > 0 && IsBlank(text[end - 1]))
        {
            end--;
        }

        return end;
    }

    private IResult<ExpressionSyntax> ParseParenthesized(IInput input)
    {
        var open = Symbol("(")(input);
        if (!open.WasSuccessful)
        {
            return Fail<ExpressionSyntax>(input, "'('");
        }

        var inner = ParseConditional(open.Remainder);
        if (!inner.WasSuccessful)
        {
            return inner;
        }

        var close = Symbol(")")(inner.Remainder);
        return close.WasSuccessful ? Result.Success(inner.Value, close.Remainder) : Fail<ExpressionSyntax>(close.Remainder, "')'");
    }

    /// <summary>`(a, b)` or `[a, b]`: the items and the position just after the closing bracket.</summary>
    private IResult<(ImmutableArray<ExpressionSyntax> Items, int End)> ParseBracketedList(IInput input, char open, char close, bool allowEmpty = false)
    {
        var rest = Symbol(open.ToString())(input).Remainder;
        var items = ImmutableArray.CreateBuilder<ExpressionSyntax>();
        if (allowEmpty && !rest.AtEnd && rest.Current == close)
        {
            var end = rest.Position + 1;
            return Result.Success((items.ToImmutable(), end), SkipBlanks(rest.Advance()));
        }

        while (true)
        {
            var item = ParseConditional(rest);
            if (!item.WasSuccessful)
            {
                return Result.Failure<(ImmutableArray<ExpressionSyntax>, int)>(item.Remainder, item.Message, item.Expectations);
            }

            items.Add(item.Value);
            rest = item.Remainder;
            if (!rest.AtEnd && rest.Current == ',')
            {
                rest = SkipBlanks(rest.Advance());
                continue;
            }

            if (!rest.AtEnd && rest.Current == close)
            {
                var end = rest.Position + 1;
                return Result.Success((items.ToImmutable(), end), SkipBlanks(rest.Advance()));
            }

            return Fail<(ImmutableArray<ExpressionSyntax>, int)>(rest, $"',' or '{close}'");
        }
    }
}
