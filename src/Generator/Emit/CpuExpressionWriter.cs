using System;
using System.Linq;
using OdeDsl.Generator.Model;

namespace OdeDsl.Generator.Emit;

/// <summary>
/// Writes a <see cref="SpecExpression"/> as a C# expression over <c>double</c> or <c>float</c> locals,
/// with only the parentheses precedence needs. Comparisons and logical operators become 0/1 values.
/// </summary>
public sealed class CpuExpressionWriter
{
    private const int Conditional = 1;
    private const int LogicalOr = 2;
    private const int LogicalAnd = 3;
    private const int Equality = 4;
    private const int Relational = 5;
    private const int Additive = 6;
    private const int Multiplicative = 7;
    private const int Unary = 8;
    private const int Primary = 9;

    private readonly NumericType type;
    private readonly Func<int, string> state;
    private readonly Func<int, string> parameter;
    private readonly Func<int, string> cotangent;

    public CpuExpressionWriter(NumericType type, Func<int, string> state, Func<int, string> parameter, Func<int, string> cotangent)
    {
        this.type = type;
        this.state = state;
        this.parameter = parameter;
        this.cotangent = cotangent;
    }

    public string Write(SpecExpression expression) => Write(expression, 0);

    private string Write(SpecExpression expression, int context)
    {
        var (text, precedence) = Format(expression);
        return precedence < context ? "(" + text + ")" : text;
    }

    private (string Text, int Precedence) Format(SpecExpression expression) => expression switch
    {
        Constant constant => (type.Literal(constant.Value), constant.Value < 0 || IsNegativeZero(constant.Value) ? Unary : Primary),
        StateReference reference => (state(reference.Index), Primary),
        ParameterReference reference => (parameter(reference.Index), Primary),
        CotangentReference reference => (cotangent(reference.Index), Primary),
        TimeReference => ("t", Primary),
        LocalReference local => (local.Name, Primary),
        UnaryExpression { Operator: UnaryOperator.Negate } unary => ("-" + Write(unary.Operand, Primary), Unary),
        UnaryExpression { Operator: UnaryOperator.Not } or BinaryExpression { Operator: >= BinaryOperator.Less } =>
            ("(" + Condition(expression) + " ? " + type.One + " : " + type.Zero + ")", Primary),
        BinaryExpression { Operator: BinaryOperator.Power } power => Power(power.Left, power.Right),
        BinaryExpression binary => Arithmetic(binary),
        CallExpression call => (Call(call), Primary),
        ConditionalExpression conditional =>
            (Condition(conditional.Condition, LogicalOr) + " ? " + Write(conditional.WhenTrue, LogicalOr) + " : " + Write(conditional.WhenFalse, Conditional), Conditional),
        _ => throw new ArgumentOutOfRangeException(nameof(expression), expression.GetType().Name),
    };

    private static bool IsNegativeZero(double value) => value == 0 && double.IsNegativeInfinity(1 / value);

    private (string, int) Arithmetic(BinaryExpression binary)
    {
        var (symbol, precedence) = binary.Operator switch
        {
            BinaryOperator.Add => ("+", Additive),
            BinaryOperator.Subtract => ("-", Additive),
            BinaryOperator.Multiply => ("*", Multiplicative),
            BinaryOperator.Divide => ("/", Multiplicative),
            _ => throw new ArgumentOutOfRangeException(nameof(binary), binary.Operator.ToString()),
        };
        // Left-associative: the right operand needs parentheses at equal precedence (a - (b - c)).
        return (Write(binary.Left, precedence) + " " + symbol + " " + Write(binary.Right, precedence + 1), precedence);
    }

    /// <summary>A C# <c>bool</c> expression that is true where the value is non-zero.</summary>
    private string Condition(SpecExpression expression, int context = 0)
    {
        var (text, precedence) = expression switch
        {
            BinaryExpression { Operator: BinaryOperator.And } and => (Condition(and.Left, LogicalAnd) + " && " + Condition(and.Right, LogicalAnd + 1), LogicalAnd),
            BinaryExpression { Operator: BinaryOperator.Or } or => (Condition(or.Left, LogicalOr) + " || " + Condition(or.Right, LogicalOr + 1), LogicalOr),
            BinaryExpression { Operator: >= BinaryOperator.Less and <= BinaryOperator.NotEqual } comparison => Comparison(comparison),
            UnaryExpression { Operator: UnaryOperator.Not } not => ("!" + Condition(not.Operand, Primary), Unary),
            _ => (Write(expression, Relational) + " != " + type.Zero, Equality),
        };
        return precedence < context ? "(" + text + ")" : text;
    }

    private (string, int) Comparison(BinaryExpression comparison)
    {
        var (symbol, precedence) = comparison.Operator switch
        {
            BinaryOperator.Less => ("<", Relational),
            BinaryOperator.LessOrEqual => ("<=", Relational),
            BinaryOperator.Greater => (">", Relational),
            BinaryOperator.GreaterOrEqual => (">=", Relational),
            BinaryOperator.Equal => ("==", Equality),
            _ => ("!=", Equality),
        };
        return (Write(comparison.Left, Relational + 1) + " " + symbol + " " + Write(comparison.Right, Relational + 1), precedence);
    }

    private (string, int) Power(SpecExpression @base, SpecExpression exponent)
    {
        // Small integer powers of a plain value are products: exact to an ulp and far cheaper than Pow.
        if (exponent is Constant { Value: 2.0 or 3.0 } power && IsPlain(@base))
        {
            var factor = Write(@base, Primary);
            return (power.Value == 2.0 ? factor + " * " + factor : factor + " * " + factor + " * " + factor, Multiplicative);
        }
        return (type.Math + ".Pow(" + Write(@base) + ", " + Write(exponent) + ")", Primary);
    }

    private static bool IsPlain(SpecExpression expression) =>
        expression is LocalReference or StateReference or ParameterReference or CotangentReference or TimeReference;

    private string Call(CallExpression call)
    {
        var arguments = string.Join(", ", call.Arguments.Select(argument => Write(argument)));
        var helper = KernelFunctions.CpuHelperName(call.Function);
        if (helper is not null) return helper + "(" + arguments + ")";
        var method = KernelFunctions.MathMethod(call.Function)
            ?? throw new ArgumentOutOfRangeException(nameof(call), "unknown function " + call.Function);
        return type.Math + "." + method + "(" + arguments + ")";
    }
}
