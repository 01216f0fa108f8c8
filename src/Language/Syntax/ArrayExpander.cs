using System.Collections.Immutable;
using System.Globalization;
using OdeDsl.Language.Diagnostics;
using OdeDsl.Language.Text;

namespace OdeDsl.Language.Syntax;

/// <summary>
/// Expands XPPAUT array lines: `x[1..3]' = -x[j] + u[j]` becomes `x1' = -x1 + u1`, … for
/// j = 1..3. Inside such a line `j` is the index, and `name[expr]` with an index computable
/// from j names `name` followed by the index (`u[j+1]` is `u2` when j = 1). Expanded
/// statements keep the spans of the original line.
/// </summary>
internal static class ArrayExpander
{
    /// <summary>More elements than this in one range is almost certainly a typo, and would flood the binder.</summary>
    public const int MaxArrayLength = 10000;

    public static ImmutableArray<StatementSyntax> Expand(SourceText source, ImmutableArray<StatementSyntax> statements, DiagnosticBag diagnostics)
    {
        var result = ImmutableArray.CreateBuilder<StatementSyntax>(statements.Length);
        foreach (var statement in statements)
        {
            switch (statement)
            {
                case EquationSyntax { Target.Range: { } range } equation when Check(range, diagnostics):
                    result.AddRange(Indices(range).Select(j => equation with { Target = Rename(equation.Target, j), Value = Substitute(equation.Value, j) }));
                    break;
                case InitialValueSyntax { Target.Range: { } range } initial when Check(range, diagnostics):
                    result.AddRange(Indices(range).Select(j => initial with { Target = Rename(initial.Target, j), Value = Substitute(initial.Value, j) }));
                    break;
                case QuantityDefinitionSyntax { Target.Range: { } range } quantity when Check(range, diagnostics):
                    result.AddRange(Indices(range).Select(j => quantity with { Target = Rename(quantity.Target, j), Value = Substitute(quantity.Value, j) }));
                    break;
                case StateDeclarationSyntax { Target.Range: { } range } state when Check(range, diagnostics):
                    result.AddRange(Indices(range).Select(j => state with
                    {
                        Target = Rename(state.Target, j),
                        InitialValue = state.InitialValue is null ? null : Substitute(state.InitialValue, j),
                    }));
                    break;
                case LearnDeclarationSyntax { Target.Range: { } range } learn when Check(range, diagnostics):
                    result.AddRange(Indices(range).Select(j => learn with
                    {
                        Target = Rename(learn.Target, j),
                        Value = learn.Value is null ? null : Substitute(learn.Value, j),
                    }));
                    break;
                case DeclarationListSyntax list when list.Definitions.Any(d => d.Target.Range is not null):
                    result.Add(list with { Definitions = [.. list.Definitions.SelectMany(d => ExpandDefinition(d, diagnostics))] });
                    break;
                case EquationSyntax or InitialValueSyntax or QuantityDefinitionSyntax or StateDeclarationSyntax or LearnDeclarationSyntax
                    when HasRange(statement):
                    // An invalid range was reported; the statement is dropped so the binder does not report it again.
                    break;
                default:
                    result.Add(statement);
                    break;
            }
        }

        return result.ToImmutable();
    }

    private static bool HasRange(StatementSyntax statement) => statement switch
    {
        EquationSyntax s => s.Target.Range is not null,
        InitialValueSyntax s => s.Target.Range is not null,
        QuantityDefinitionSyntax s => s.Target.Range is not null,
        StateDeclarationSyntax s => s.Target.Range is not null,
        LearnDeclarationSyntax s => s.Target.Range is not null,
        _ => false,
    };

    private static IEnumerable<DefinitionSyntax> ExpandDefinition(DefinitionSyntax definition, DiagnosticBag diagnostics)
    {
        if (definition.Target.Range is not { } range)
        {
            return [definition];
        }

        return Check(range, diagnostics)
            ? Indices(range).Select(j => definition with { Target = Rename(definition.Target, j), Value = Substitute(definition.Value, j) }).ToList()
            : [];
    }

    private static bool Check(ArrayRangeSyntax range, DiagnosticBag diagnostics)
    {
        if (range.Low >= 0 && range.High >= range.Low && range.High - range.Low < MaxArrayLength)
        {
            return true;
        }

        diagnostics.Report(DiagnosticDescriptors.InvalidArrayRange, range.Span, range.Low, range.High, MaxArrayLength);
        return false;
    }

    private static IEnumerable<int> Indices(ArrayRangeSyntax range) => Enumerable.Range(range.Low, range.High - range.Low + 1);

    private static DeclaratorSyntax Rename(DeclaratorSyntax target, int j) =>
        target with { Name = target.Name with { Name = target.Name.Name + j.ToString(CultureInfo.InvariantCulture) }, Range = null };

    private static ExpressionSyntax Substitute(ExpressionSyntax expression, int j) =>
        ExpressionRewriter.Rewrite(expression, node => node switch
        {
            NameSyntax { Name: "j" } name => new NumberLiteralSyntax(j, j.ToString(CultureInfo.InvariantCulture), name.Span),
            IndexExpressionSyntax { Target: NameSyntax target, Indices.Length: 1 } index
                when Evaluate(index.Indices[0], j) is { } value => new NameSyntax(target.Name + value.ToString(CultureInfo.InvariantCulture), index.Span),
            _ => null,
        });

    /// <summary>The integer value of an index written with j, numbers and + - * /, or null.</summary>
    private static long? Evaluate(ExpressionSyntax expression, int j)
    {
        var value = EvaluateDouble(expression, j);
        return value is { } v && v == Math.Floor(v) && Math.Abs(v) < 1e9 ? (long)v : null;
    }

    private static double? EvaluateDouble(ExpressionSyntax expression, int j) => expression switch
    {
        NumberLiteralSyntax number => number.Value,
        NameSyntax { Name: "j" } => j,
        UnaryExpressionSyntax { Operator: UnaryOperator.Negate } unary => -EvaluateDouble(unary.Operand, j),
        UnaryExpressionSyntax { Operator: UnaryOperator.Plus } unary => EvaluateDouble(unary.Operand, j),
        BinaryExpressionSyntax binary when EvaluateDouble(binary.Left, j) is { } left && EvaluateDouble(binary.Right, j) is { } right =>
            binary.Operator switch
            {
                BinaryOperator.Add => left + right,
                BinaryOperator.Subtract => left - right,
                BinaryOperator.Multiply => left * right,
                BinaryOperator.Divide when right != 0 => left / right,
                _ => null,
            },
        _ => null,
    };
}
