using System.Collections.Generic;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace OdeDsl.Generator.Attributed;

/// <summary>
/// Writes the differentiable subset of C# expressions (arithmetic, comparisons, logic, the
/// conditional operator, <c>Math.*</c>/<c>MathF.*</c> functions and constants, casts to a floating-point
/// type) in <c>.ode</c> syntax. Anything else is collected as an unsupported node with its exact span.
/// </summary>
internal sealed class CSharpExpressionTranslator
{
    private static readonly Dictionary<string, string> Functions = new()
    {
        ["Sin"] = "sin", ["Cos"] = "cos", ["Tan"] = "tan", ["Asin"] = "asin", ["Acos"] = "acos", ["Atan"] = "atan",
        ["Atan2"] = "atan2", ["Sinh"] = "sinh", ["Cosh"] = "cosh", ["Tanh"] = "tanh", ["Exp"] = "exp", ["Log"] = "log",
        ["Log10"] = "log10", ["Sqrt"] = "sqrt", ["Abs"] = "abs", ["Min"] = "min", ["Max"] = "max", ["Pow"] = "pow",
        ["Floor"] = "flr", ["Ceiling"] = "ceil", ["Sign"] = "sign",
    };

    private readonly List<(SyntaxNode Node, string Reason)> unsupported = new();

    public IReadOnlyList<(SyntaxNode Node, string Reason)> Unsupported => unsupported;

    public string Translate(ExpressionSyntax expression)
    {
        switch (expression)
        {
            case LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.NumericLiteralExpression):
                return System.Convert.ToDouble(literal.Token.Value, CultureInfo.InvariantCulture).ToString("R", CultureInfo.InvariantCulture);
            case IdentifierNameSyntax identifier:
                return identifier.Identifier.ValueText;
            case MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax } member:
                return member.Name.Identifier.ValueText;
            case MemberAccessExpressionSyntax member when IsMathClass(member.Expression) && member.Name.Identifier.ValueText is "PI" or "E":
                return (member.Name.Identifier.ValueText == "PI" ? System.Math.PI : System.Math.E).ToString("R", CultureInfo.InvariantCulture);
            case ParenthesizedExpressionSyntax parenthesized:
                return "(" + Translate(parenthesized.Expression) + ")";
            case PrefixUnaryExpressionSyntax unary when unary.Kind() is SyntaxKind.UnaryMinusExpression or SyntaxKind.UnaryPlusExpression or SyntaxKind.LogicalNotExpression:
                return unary.OperatorToken.Text + Translate(unary.Operand);
            case BinaryExpressionSyntax binary when Operator(binary) is { } symbol:
                // C# and the language rank these operators alike, so the C# parentheses (kept above) suffice.
                return Translate(binary.Left) + " " + symbol + " " + Translate(binary.Right);
            case ConditionalExpressionSyntax conditional:
                return "if(" + Translate(conditional.Condition) + ") then(" + Translate(conditional.WhenTrue) + ") else(" + Translate(conditional.WhenFalse) + ")";
            case CastExpressionSyntax cast when cast.Type is PredefinedTypeSyntax { Keyword.ValueText: "double" or "float" }:
                return cast.Expression is ParenthesizedExpressionSyntax or IdentifierNameSyntax or LiteralExpressionSyntax
                    ? Translate(cast.Expression)
                    : "(" + Translate(cast.Expression) + ")";
            case InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax callee } call
                when IsMathClass(callee.Expression) && Functions.TryGetValue(callee.Name.Identifier.ValueText, out var function)
                     && !(function == "log" && call.ArgumentList.Arguments.Count != 1):
                var arguments = new List<string>();
                foreach (var argument in call.ArgumentList.Arguments) arguments.Add(Translate(argument.Expression));
                return function + "(" + string.Join(", ", arguments) + ")";
            default:
                unsupported.Add((expression, Describe(expression)));
                return "0";
        }
    }

    private static string? Operator(BinaryExpressionSyntax binary) => binary.Kind() switch
    {
        SyntaxKind.AddExpression => "+",
        SyntaxKind.SubtractExpression => "-",
        SyntaxKind.MultiplyExpression => "*",
        SyntaxKind.DivideExpression => "/",
        SyntaxKind.LessThanExpression => "<",
        SyntaxKind.LessThanOrEqualExpression => "<=",
        SyntaxKind.GreaterThanExpression => ">",
        SyntaxKind.GreaterThanOrEqualExpression => ">=",
        SyntaxKind.EqualsExpression => "==",
        SyntaxKind.NotEqualsExpression => "!=",
        SyntaxKind.LogicalAndExpression => "&",
        SyntaxKind.LogicalOrExpression => "|",
        _ => null,
    };

    private static bool IsMathClass(ExpressionSyntax expression) =>
        expression.ToString().Replace("global::", "") is "Math" or "MathF" or "System.Math" or "System.MathF";

    private static string Describe(ExpressionSyntax expression) =>
        expression is InvocationExpressionSyntax
            ? $"'{expression}' cannot be differentiated here: only Math/MathF functions (Sin, Exp, Pow, …) may be called in an [OdeSystem] class"
            : $"'{expression}' is not supported in an [OdeSystem] class; use numbers, members of the class, arithmetic, comparisons, Math functions and the conditional operator";
}
