using System;
using System.Linq;
using OdeDsl.Generator.Model;

namespace OdeDsl.Generator.Emit;

/// <summary>
/// Writes a <see cref="SpecExpression"/> as TorchSharp operations: states and cotangents are <c>[B]</c>
/// columns, parameters and t are scalar tensors, and broadcasting does the rest. Constants stay C#
/// literals where TorchSharp accepts a scalar operand and become tensors of the states' dtype and
/// device elsewhere.
/// </summary>
public sealed class TensorExpressionWriter
{
    private const int Conditional = 1;
    private const int Additive = 6;
    private const int Multiplicative = 7;
    private const int Unary = 8;
    private const int Primary = 9;

    private readonly Func<int, string> state;
    private readonly Func<int, string> parameter;
    private readonly Func<int, string> cotangent;

    public TensorExpressionWriter(Func<int, string> state, Func<int, string> parameter, Func<int, string> cotangent)
    {
        this.state = state;
        this.parameter = parameter;
        this.cotangent = cotangent;
    }

    /// <summary>The expression as a tensor (a constant becomes a scalar tensor).</summary>
    public string WriteTensor(SpecExpression expression) => Tensor(expression, 0);

    private string Tensor(SpecExpression expression, int context)
    {
        if (expression is Constant constant) return ConstantTensor(constant.Value);
        var (text, precedence) = Format(expression);
        return precedence < context ? "(" + text + ")" : text;
    }

    private static string ConstantTensor(double value) => "Constant(" + Literals.Double(value) + ", states)";

    /// <summary>A tensor, or a literal where a TorchSharp scalar operand is accepted.</summary>
    private string Operand(SpecExpression expression, int context)
    {
        if (expression is Constant constant)
        {
            var literal = Literals.Double(constant.Value);
            return constant.Value < 0 && context > Unary ? "(" + literal + ")" : literal;
        }
        return Tensor(expression, context);
    }

    private (string Text, int Precedence) Format(SpecExpression expression) => expression switch
    {
        StateReference reference => (state(reference.Index), Primary),
        ParameterReference reference => (parameter(reference.Index), Primary),
        CotangentReference reference => (cotangent(reference.Index), Primary),
        TimeReference => ("t", Primary),
        LocalReference local => (local.Name, Primary),
        UnaryExpression { Operator: UnaryOperator.Negate } unary => ("-" + Tensor(unary.Operand, Primary), Unary),
        UnaryExpression { Operator: UnaryOperator.Not } or BinaryExpression { Operator: >= BinaryOperator.Less } =>
            (Condition(expression) + ".to_type(states.dtype)", Primary),
        BinaryExpression { Operator: BinaryOperator.Power } power =>
            ("global::TorchSharp.torch.pow(" + Tensor(power.Left, 0) + ", " + Operand(power.Right, 0) + ")", Primary),
        BinaryExpression binary => Arithmetic(binary),
        CallExpression call => (Call(call), Primary),
        ConditionalExpression conditional =>
            ("global::TorchSharp.torch.where(" + Condition(conditional.Condition) + ", " + Tensor(conditional.WhenTrue, 0) + ", " + Tensor(conditional.WhenFalse, 0) + ")", Primary),
        _ => throw new ArgumentOutOfRangeException(nameof(expression), expression.GetType().Name),
    };

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
        // TorchSharp takes one scalar operand, not two: two constants make the left one a tensor.
        var left = binary.Right is Constant ? Tensor(binary.Left, precedence) : Operand(binary.Left, precedence);
        return (left + " " + symbol + " " + Operand(binary.Right, precedence + 1), precedence);
    }

    /// <summary>A boolean tensor that is true where the value is non-zero.</summary>
    private string Condition(SpecExpression expression) => expression switch
    {
        BinaryExpression { Operator: BinaryOperator.And } and => Condition(and.Left) + ".logical_and(" + Condition(and.Right) + ")",
        BinaryExpression { Operator: BinaryOperator.Or } or => Condition(or.Left) + ".logical_or(" + Condition(or.Right) + ")",
        BinaryExpression { Operator: >= BinaryOperator.Less and <= BinaryOperator.NotEqual } comparison => Comparison(comparison),
        UnaryExpression { Operator: UnaryOperator.Not } not => Condition(not.Operand) + ".logical_not()",
        _ => Tensor(expression, Primary) + ".ne(0.0)",
    };

    private string Comparison(BinaryExpression comparison)
    {
        var method = comparison.Operator switch
        {
            BinaryOperator.Less => "lt",
            BinaryOperator.LessOrEqual => "le",
            BinaryOperator.Greater => "gt",
            BinaryOperator.GreaterOrEqual => "ge",
            BinaryOperator.Equal => "eq",
            _ => "ne",
        };
        return Tensor(comparison.Left, Primary) + "." + method + "(" + Operand(comparison.Right, 0) + ")";
    }

    private string Call(CallExpression call)
    {
        switch (call.Function)
        {
            case "heav":
                // XPPAUT: heav(x) = 1 for x >= 0, 0 otherwise.
                return Tensor(call.Arguments[0], Primary) + ".ge(0.0).to_type(states.dtype)";
            case "elu":
                return "global::TorchSharp.torch.nn.functional.elu(" + Tensor(call.Arguments[0], 0) + ", 1.0, false)";
            case "softplus":
                // TorchSharp's softplus turns linear above a threshold; the IR's overflow-free form is exact everywhere.
                var x = Tensor(call.Arguments[0], Primary);
                return "(global::TorchSharp.torch.clamp_min(" + x + ", 0.0) + global::TorchSharp.torch.log(1.0 + global::TorchSharp.torch.exp(-" + x + ".abs())))";
        }
        var function = KernelFunctions.TensorFunction(call.Function)
            ?? throw new ArgumentOutOfRangeException(nameof(call), "unknown function " + call.Function);
        var arguments = call.Arguments.Select((argument, index) =>
            index > 0 && call.Function is "pow" or "mod" ? Operand(argument, 0) : Tensor(argument, 0));
        return "global::TorchSharp." + function + "(" + string.Join(", ", arguments) + ")";
    }
}
