using System.Collections.Immutable;
using Sprache;

namespace OdeDsl.Language.Syntax.Grammar;

/// <summary>Keyword statements of the XPPAUT core (`par`/`init`/`number` lists, `@` options) and the `system` and `state` lines.</summary>
internal sealed partial class OdeGrammar
{
    /// <summary>`par a=1, b=2` or `par a=1 b=2` (XPPAUT separates by blanks too).</summary>
    private IResult<ImmutableArray<StatementSyntax>> ParseDeclarationList(DeclarationKind kind, NameSyntax keyword, IInput input)
    {
        var definitions = ImmutableArray.CreateBuilder<DefinitionSyntax>();
        var rest = input;
        while (true)
        {
            var target = ParseDeclarator(rest);
            if (!target.WasSuccessful)
            {
                return Relay<ImmutableArray<StatementSyntax>, DeclaratorSyntax>(target);
            }

            var equals = Symbol("=", "=")(target.Remainder);
            if (!equals.WasSuccessful)
            {
                return Fail<ImmutableArray<StatementSyntax>>(target.Remainder, "'='");
            }

            var value = Expression(equals.Remainder);
            if (!value.WasSuccessful)
            {
                return Relay<ImmutableArray<StatementSyntax>, ExpressionSyntax>(value);
            }

            definitions.Add(new DefinitionSyntax(target.Value, value.Value, target.Value.Span.Cover(value.Value.Span)));
            rest = value.Remainder;
            var comma = Symbol(",")(rest);
            if (comma.WasSuccessful)
            {
                rest = comma.Remainder;
                continue;
            }

            var end = ParseEndOfLine(rest);
            if (end.WasSuccessful)
            {
                var list = new DeclarationListSyntax(kind, keyword, definitions.ToImmutable(), keyword.Span.Cover(definitions[definitions.Count - 1].Span));
                return Result.Success(ImmutableArray.Create<StatementSyntax>(list), end.Remainder);
            }

            if (!IsIdentifierStart(rest.Current))
            {
                return Fail<ImmutableArray<StatementSyntax>>(rest, "',', an operator or end of line");
            }
        }
    }

    /// <summary>`@ total=20, dt=0.05 meth=rk4`; values are kept as written and checked by the binder.</summary>
    private IResult<ImmutableArray<StatementSyntax>> ParseOptions(IInput at)
    {
        var options = ImmutableArray.CreateBuilder<OptionSyntax>();
        var rest = SkipBlanks(at.Advance());
        while (true)
        {
            var name = ParseName(rest);
            if (!name.WasSuccessful)
            {
                return Fail<ImmutableArray<StatementSyntax>>(rest, "an option name such as total");
            }

            var equals = Symbol("=")(name.Remainder);
            if (!equals.WasSuccessful)
            {
                return Fail<ImmutableArray<StatementSyntax>>(name.Remainder, "'='");
            }

            var valueInput = equals.Remainder;
            var text = valueInput.Source;
            var start = valueInput.Position;
            var end = start;
            while (end < text.Length && !IsBlank(text[end]) && text[end] is not (',' or '#'))
            {
                end++;
            }

            if (end == start)
            {
                return Fail<ImmutableArray<StatementSyntax>>(valueInput, "an option value");
            }

            var valueSpan = Span(start, end);
            options.Add(new OptionSyntax(name.Value, text.Substring(start, end - start), valueSpan, name.Value.Span.Cover(valueSpan)));
            rest = SkipBlanks(Advance(valueInput, end - start));
            var comma = Symbol(",")(rest);
            if (comma.WasSuccessful)
            {
                rest = comma.Remainder;
                continue;
            }

            var endOfLine = ParseEndOfLine(rest);
            if (endOfLine.WasSuccessful)
            {
                var statement = new OptionsSyntax(options.ToImmutable(), Span(at.Position, at.Position + 1).Cover(options[options.Count - 1].Span));
                return Result.Success(ImmutableArray.Create<StatementSyntax>(statement), endOfLine.Remainder);
            }
        }
    }

    private IResult<SystemDeclarationSyntax> ParseSystem(NameSyntax keyword, IInput input) =>
        (from name in (Parser<NameSyntax>)ParseName
         from end in EndOfLine
         select new SystemDeclarationSyntax(name, keyword.Span.Cover(name.Span)))(input);

    /// <summary>`state z[2] = [2, 0], w`.</summary>
    private IResult<ImmutableArray<StatementSyntax>> ParseStates(NameSyntax keyword, IInput input)
    {
        var states = ImmutableArray.CreateBuilder<StatementSyntax>();
        var rest = input;
        while (true)
        {
            var target = ParseDeclarator(rest);
            if (!target.WasSuccessful)
            {
                return Relay<ImmutableArray<StatementSyntax>, DeclaratorSyntax>(target);
            }

            rest = target.Remainder;
            ExpressionSyntax? initial = null;
            var equals = Symbol("=", "=")(rest);
            if (equals.WasSuccessful)
            {
                var value = Expression(equals.Remainder);
                if (!value.WasSuccessful)
                {
                    return Relay<ImmutableArray<StatementSyntax>, ExpressionSyntax>(value);
                }

                initial = value.Value;
                rest = value.Remainder;
            }

            var span = (states.Count == 0 ? keyword.Span : target.Value.Span).Cover(initial?.Span ?? target.Value.Span);
            states.Add(new StateDeclarationSyntax(target.Value, initial, span));
            var more = ContinueList(rest, states.ToImmutable());
            if (more is not null)
            {
                return more;
            }

            rest = Symbol(",")(rest).Remainder;
        }
    }

    /// <summary>Null when a `,` continues the list; otherwise the finished list or the error at what follows it.</summary>
    private static IResult<ImmutableArray<StatementSyntax>>? ContinueList(IInput rest, ImmutableArray<StatementSyntax> items)
    {
        if (Symbol(",")(rest).WasSuccessful)
        {
            return null;
        }

        var end = ParseEndOfLine(rest);
        return end.WasSuccessful
            ? Result.Success(items, end.Remainder)
            : Fail<ImmutableArray<StatementSyntax>>(rest, "',' or end of line");
    }
}
