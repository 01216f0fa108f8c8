using OdeDsl.Language.Syntax;
using OdeDsl.Language.Text;

namespace OdeDsl.Language.Binding;

/// <summary>The names an expression uses (with where), looking through calls of user functions into their bodies.</summary>
internal sealed class FreeNames(IReadOnlyDictionary<string, FunctionDefinitionSyntax> functions)
{
    private readonly Dictionary<string, List<(string Name, SourceSpan Span)>> functionNames = new(StringComparer.Ordinal);
    private readonly HashSet<string> inProgress = new(StringComparer.Ordinal);

    /// <summary>Beyond this the binder refuses the nesting anyway (ODE2030); stopping here bounds the recursion.</summary>
    private const int MaxDepth = 64;

    public List<(string Name, SourceSpan Span)> Of(ExpressionSyntax expression)
    {
        var result = new List<(string, SourceSpan)>();
        Collect(expression, result, null);
        return result;
    }

    private void Collect(ExpressionSyntax expression, List<(string, SourceSpan)> result, HashSet<string>? bound)
    {
        switch (expression)
        {
            case NameSyntax name:
                if (bound is null || !bound.Contains(name.Name))
                {
                    result.Add((name.Name, name.Span));
                }

                break;
            case UnaryExpressionSyntax unary:
                Collect(unary.Operand, result, bound);
                break;
            case BinaryExpressionSyntax binary:
                Collect(binary.Left, result, bound);
                Collect(binary.Right, result, bound);
                break;
            case ConditionalExpressionSyntax conditional:
                Collect(conditional.Condition, result, bound);
                Collect(conditional.WhenTrue, result, bound);
                Collect(conditional.WhenFalse, result, bound);
                break;
            case CallExpressionSyntax call:
                foreach (var argument in call.Arguments)
                {
                    Collect(argument, result, bound);
                }

                // A quantity that calls f depends on what f's body uses; the call site stands in for those uses.
                foreach (var (name, _) in OfFunction(call.Function.Name))
                {
                    result.Add((name, call.Span));
                }

                break;
            case IndexExpressionSyntax index:
                Collect(index.Target, result, bound);
                foreach (var item in index.Indices)
                {
                    Collect(item, result, bound);
                }

                break;
            case VectorLiteralSyntax vector:
                foreach (var element in vector.Elements)
                {
                    Collect(element, result, bound);
                }

                break;
        }
    }

    private List<(string Name, SourceSpan Span)> OfFunction(string name)
    {
        if (functionNames.TryGetValue(name, out var cached))
        {
            return cached;
        }

        if (!functions.TryGetValue(name, out var function) || inProgress.Count >= MaxDepth || !inProgress.Add(name))
        {
            return [];
        }

        var result = new List<(string, SourceSpan)>();
        Collect(function.Body, result, new HashSet<string>(function.Parameters.Select(p => p.Name), StringComparer.Ordinal));
        inProgress.Remove(name);
        functionNames[name] = result;
        return result;
    }
}
