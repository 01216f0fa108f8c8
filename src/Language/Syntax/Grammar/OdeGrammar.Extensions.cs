using System.Collections.Immutable;
using Sprache;

namespace OdeDsl.Language.Syntax.Grammar;

/// <summary>The learned-dynamics statements: `learn` with its constraints, `net`, `observe`, `augment` and `input`.</summary>
internal sealed partial class OdeGrammar
{
    /// <summary>`learn alpha = 0.5 positive`, `learn k = 1.2 in(0, 10)`, `learn z(0)`, `learn x(0) = 1.5 positive`.</summary>
    private IResult<ImmutableArray<StatementSyntax>> ParseLearns(NameSyntax keyword, IInput input)
    {
        var learns = ImmutableArray.CreateBuilder<StatementSyntax>();
        var rest = input;
        while (true)
        {
            var target = ParseDeclarator(rest);
            if (!target.WasSuccessful)
            {
                return Relay<ImmutableArray<StatementSyntax>, DeclaratorSyntax>(target);
            }

            rest = target.Remainder;
            var end = target.Value.Span;
            var isInitialValue = false;
            if (!rest.AtEnd && rest.Current == '(')
            {
                var zero = ParseNumber(Symbol("(")(rest).Remainder);
                if (!zero.WasSuccessful || zero.Value.Value != 0)
                {
                    return Fail<ImmutableArray<StatementSyntax>>(Symbol("(")(rest).Remainder, "'0' (as in learn x(0))");
                }

                var close = Symbol(")")(zero.Remainder);
                if (!close.WasSuccessful)
                {
                    return Fail<ImmutableArray<StatementSyntax>>(zero.Remainder, "')'");
                }

                isInitialValue = true;
                end = Span(close.Value, close.Value + 1);
                rest = close.Remainder;
            }

            ExpressionSyntax? value = null;
            var equals = Symbol("=", "=")(rest);
            if (equals.WasSuccessful)
            {
                var parsed = Expression(equals.Remainder);
                if (!parsed.WasSuccessful)
                {
                    return Relay<ImmutableArray<StatementSyntax>, ExpressionSyntax>(parsed);
                }

                value = parsed.Value;
                end = value.Span;
                rest = parsed.Remainder;
            }

            var constraint = ParseConstraint(rest);
            if (!constraint.WasSuccessful)
            {
                return Relay<ImmutableArray<StatementSyntax>, ConstraintSyntax?>(constraint);
            }

            if (constraint.Value is not null)
            {
                end = constraint.Value.Span;
                rest = constraint.Remainder;
            }

            var span = (learns.Count == 0 ? keyword.Span : target.Value.Span).Cover(end);
            learns.Add(new LearnDeclarationSyntax(target.Value, isInitialValue, value, constraint.Value, span));
            var more = ContinueList(rest, learns.ToImmutable());
            if (more is not null)
            {
                return more;
            }

            rest = Symbol(",")(rest).Remainder;
        }
    }

    /// <summary>An optional `positive` or `in(lo, hi)`; succeeds with null when neither follows.</summary>
    private IResult<ConstraintSyntax?> ParseConstraint(IInput input)
    {
        var word = ParseName(input);
        if (!word.WasSuccessful)
        {
            return Result.Success<ConstraintSyntax?>(null, input);
        }

        if (word.Value.Name == "positive")
        {
            return Result.Success<ConstraintSyntax?>(new PositiveConstraintSyntax(word.Value.Span), word.Remainder);
        }

        if (word.Value.Name != "in")
        {
            return Fail<ConstraintSyntax?>(input, "'positive', 'in(lo, hi)', ',' or end of line");
        }

        var open = Symbol("(")(word.Remainder);
        if (!open.WasSuccessful)
        {
            return Fail<ConstraintSyntax?>(word.Remainder, "'('");
        }

        var lower = Expression(open.Remainder);
        if (!lower.WasSuccessful)
        {
            return Relay<ConstraintSyntax?, ExpressionSyntax>(lower);
        }

        var comma = Symbol(",")(lower.Remainder);
        if (!comma.WasSuccessful)
        {
            return Fail<ConstraintSyntax?>(lower.Remainder, "','");
        }

        var upper = Expression(comma.Remainder);
        if (!upper.WasSuccessful)
        {
            return Relay<ConstraintSyntax?, ExpressionSyntax>(upper);
        }

        var close = Symbol(")")(upper.Remainder);
        if (!close.WasSuccessful)
        {
            return Fail<ConstraintSyntax?>(upper.Remainder, "')'");
        }

        var constraint = new IntervalConstraintSyntax(lower.Value, upper.Value, word.Value.Span.Cover(Span(close.Value, close.Value + 1)));
        return Result.Success<ConstraintSyntax?>(constraint, close.Remainder);
    }

    /// <summary>`net f = mlp(2, 50, 2, act=tanh, bias=true)`.</summary>
    private IResult<NetDeclarationSyntax> ParseNet(NameSyntax keyword, IInput input)
    {
        var name = ParseName(input);
        if (!name.WasSuccessful)
        {
            return Relay<NetDeclarationSyntax, NameSyntax>(name);
        }

        var equals = Symbol("=")(name.Remainder);
        if (!equals.WasSuccessful)
        {
            return Fail<NetDeclarationSyntax>(name.Remainder, "'='");
        }

        var architecture = ParseName(equals.Remainder);
        if (!architecture.WasSuccessful)
        {
            return Fail<NetDeclarationSyntax>(equals.Remainder, "a network kind such as mlp(...)");
        }

        var open = Symbol("(")(architecture.Remainder);
        if (!open.WasSuccessful)
        {
            return Fail<NetDeclarationSyntax>(architecture.Remainder, "'('");
        }

        var widths = ImmutableArray.CreateBuilder<ExpressionSyntax>();
        var options = ImmutableArray.CreateBuilder<NetOptionSyntax>();
        var rest = open.Remainder;
        while (true)
        {
            var optionName = ParseName(rest);
            var optionEquals = optionName.WasSuccessful ? Symbol("=", "=")(optionName.Remainder) : null;
            if (optionEquals is { WasSuccessful: true })
            {
                var value = Expression(optionEquals.Remainder);
                if (!value.WasSuccessful)
                {
                    return Relay<NetDeclarationSyntax, ExpressionSyntax>(value);
                }

                options.Add(new NetOptionSyntax(optionName.Value, value.Value, optionName.Value.Span.Cover(value.Value.Span)));
                rest = value.Remainder;
            }
            else
            {
                var width = Expression(rest);
                if (!width.WasSuccessful)
                {
                    return Relay<NetDeclarationSyntax, ExpressionSyntax>(width);
                }

                widths.Add(width.Value);
                rest = width.Remainder;
            }

            var comma = Symbol(",")(rest);
            if (comma.WasSuccessful)
            {
                rest = comma.Remainder;
                continue;
            }

            var close = Symbol(")")(rest);
            if (!close.WasSuccessful)
            {
                return Fail<NetDeclarationSyntax>(rest, "',' or ')'");
            }

            var end = EndOfLine(close.Remainder);
            if (!end.WasSuccessful)
            {
                return Relay<NetDeclarationSyntax, int>(end);
            }

            var span = keyword.Span.Cover(Span(close.Value, close.Value + 1));
            return Result.Success(new NetDeclarationSyntax(name.Value, architecture.Value, widths.ToImmutable(), options.ToImmutable(), span), end.Remainder);
        }
    }

    /// <summary>`observe pop = z[0] ~ lognormal`.</summary>
    private IResult<ObserveDeclarationSyntax> ParseObserve(NameSyntax keyword, IInput input)
    {
        var name = ParseName(input);
        if (!name.WasSuccessful)
        {
            return Relay<ObserveDeclarationSyntax, NameSyntax>(name);
        }

        var equals = Symbol("=", "=")(name.Remainder);
        if (!equals.WasSuccessful)
        {
            return Fail<ObserveDeclarationSyntax>(name.Remainder, "'='");
        }

        var value = Expression(equals.Remainder);
        if (!value.WasSuccessful)
        {
            return Relay<ObserveDeclarationSyntax, ExpressionSyntax>(value);
        }

        NameSyntax? distribution = null;
        var rest = value.Remainder;
        var tilde = Symbol("~")(rest);
        if (tilde.WasSuccessful)
        {
            var parsed = ParseName(tilde.Remainder);
            if (!parsed.WasSuccessful)
            {
                return Fail<ObserveDeclarationSyntax>(tilde.Remainder, "'normal' or 'lognormal'");
            }

            distribution = parsed.Value;
            rest = parsed.Remainder;
        }

        var end = ParseEndOfLine(rest);
        if (!end.WasSuccessful)
        {
            return Fail<ObserveDeclarationSyntax>(rest, distribution is null ? "'~', an operator or end of line" : "end of line");
        }

        var span = keyword.Span.Cover(distribution?.Span ?? value.Value.Span);
        return Result.Success(new ObserveDeclarationSyntax(name.Value, value.Value, distribution, span), end.Remainder);
    }

    /// <summary>`augment z by 3`.</summary>
    private IResult<AugmentStatementSyntax> ParseAugment(NameSyntax keyword, IInput input)
    {
        var state = ParseName(input);
        if (!state.WasSuccessful)
        {
            return Relay<AugmentStatementSyntax, NameSyntax>(state);
        }

        var by = Keyword("by")(state.Remainder);
        if (!by.WasSuccessful)
        {
            return Fail<AugmentStatementSyntax>(state.Remainder, "'by'");
        }

        var count = ParseNumber(by.Remainder);
        if (!count.WasSuccessful)
        {
            return Fail<AugmentStatementSyntax>(by.Remainder, "the number of dimensions to add");
        }

        var end = ParseEndOfLine(count.Remainder);
        return end.WasSuccessful
            ? Result.Success(new AugmentStatementSyntax(state.Value, count.Value, keyword.Span.Cover(count.Value.Span)), end.Remainder)
            : Relay<AugmentStatementSyntax, int>(end);
    }

    /// <summary>`input dose, weight` (blanks separate too).</summary>
    private IResult<InputDeclarationSyntax> ParseInputs(NameSyntax keyword, IInput input)
    {
        var names = ImmutableArray.CreateBuilder<NameSyntax>();
        var rest = input;
        while (true)
        {
            var name = ParseName(rest);
            if (!name.WasSuccessful)
            {
                return Fail<InputDeclarationSyntax>(rest, "an input name");
            }

            names.Add(name.Value);
            rest = name.Remainder;
            var comma = Symbol(",")(rest);
            if (comma.WasSuccessful)
            {
                rest = comma.Remainder;
                continue;
            }

            var end = ParseEndOfLine(rest);
            if (end.WasSuccessful)
            {
                return Result.Success(new InputDeclarationSyntax(names.ToImmutable(), keyword.Span.Cover(names[names.Count - 1].Span)), end.Remainder);
            }

            if (!IsIdentifierStart(rest.Current))
            {
                return Fail<InputDeclarationSyntax>(rest, "',' or end of line");
            }
        }
    }
}
