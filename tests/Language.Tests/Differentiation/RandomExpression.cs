using OdeDsl.Language.IR;

namespace OdeDsl.Language.Tests.Differentiation;

/// <summary>
/// A random expression tree over z[0..3), θ[0..2), t and constants, as plain data so that FsCheck
/// can print a counterexample. <see cref="Build"/> turns it into IR. Operations with a restricted
/// domain are wrapped so that every point is inside it (log(|x| + 0.5), asin(0.9·tanh x), ...),
/// which still exercises their own derivative rules.
/// </summary>
public sealed record RandomExpression(string Operation, double Value, int Index, RandomExpression[] Children)
{
    public static readonly string[] Unary =
    [
        "neg", "sin", "cos", "tan", "asin", "acos", "atan", "sinh", "cosh", "tanh", "exp", "log", "log10",
        "sqrt", "abs", "sigmoid", "relu", "softplus", "elu", "square", "cube", "pow1.5", "heav", "flr",
    ];

    public static readonly string[] Binary = ["add", "sub", "mul", "div", "atan2", "min", "max", "pow", "mod", "less", "and"];

    public static readonly string[] Ternary = ["if"];

    public override string ToString() => Operation switch
    {
        "const" => Value.ToString("R", System.Globalization.CultureInfo.InvariantCulture),
        "state" => $"z{Index}",
        "parameter" => $"θ{Index}",
        "time" => "t",
        _ => $"{Operation}({string.Join(", ", Children.Select(child => child.ToString()))})",
    };

    /// <summary>
    /// The value computed directly with System.Math, operation by operation, without the IR: the
    /// reference for constant folding, simplification and hash-consing.
    /// </summary>
    public double Evaluate(double t, double[] z, double[] theta)
    {
        var c = Children.Select(child => child.Evaluate(t, z, theta)).ToArray();
        static double Truth(bool value) => value ? 1 : 0;
        double OnePlusSquare(double x) => 1 + x * x;
        return Operation switch
        {
            "const" => Value,
            "state" => z[Index],
            "parameter" => theta[Index],
            "time" => t,
            "neg" => -c[0],
            "sin" => Math.Sin(c[0]),
            "cos" => Math.Cos(c[0]),
            "tan" => Math.Tan(0.7 * Math.Tanh(c[0])),
            "asin" => Math.Asin(0.9 * Math.Tanh(c[0])),
            "acos" => Math.Acos(0.9 * Math.Tanh(c[0])),
            "atan" => Math.Atan(c[0]),
            "sinh" => Math.Sinh(c[0]),
            "cosh" => Math.Cosh(c[0]),
            "tanh" => Math.Tanh(c[0]),
            "exp" => Math.Exp(c[0]),
            "log" => Math.Log(Math.Abs(c[0]) + 0.5),
            "log10" => Math.Log10(OnePlusSquare(c[0])),
            "sqrt" => Math.Sqrt(OnePlusSquare(c[0])),
            "abs" => Math.Abs(c[0]),
            "sigmoid" => 1 / (1 + Math.Exp(-c[0])),
            "relu" => Math.Max(c[0], 0),
            "softplus" => Math.Log(1 + Math.Exp(c[0])),
            "elu" => c[0] > 0 ? c[0] : Math.Exp(c[0]) - 1,
            "square" => c[0] * c[0],
            "cube" => c[0] * c[0] * c[0],
            "pow1.5" => Math.Pow(OnePlusSquare(c[0]), 1.5),
            "heav" => Truth(c[0] >= 0),
            "flr" => Math.Floor(c[0]),
            "add" => c[0] + c[1],
            "sub" => c[0] - c[1],
            "mul" => c[0] * c[1],
            "div" => c[0] / (0.5 + c[1] * c[1]),
            "atan2" => Math.Atan2(c[0], 2 + Math.Abs(c[1])),
            "min" => Math.Min(c[0], c[1]),
            "max" => Math.Max(c[0], c[1]),
            "pow" => Math.Pow(OnePlusSquare(c[0]), Math.Tanh(c[1])),
            "mod" => c[0] - (1.5 + c[1] * c[1]) * Math.Floor(c[0] / (1.5 + c[1] * c[1])),
            "less" => Truth(c[0] < c[1]),
            "and" => Truth(c[0] != 0 && c[1] != 0),
            "if" => c[0] > 0.2 ? c[1] : c[2],
            _ => throw new InvalidOperationException(Operation),
        };
    }

    public IrNode Build(IrBuilder ir)
    {
        var c = Children.Select(child => child.Build(ir)).ToArray();
        IrNode Call(IrOperation operation, params IrNode[] operands) => ir.Apply(operation, operands);
        IrNode Constant(double value) => ir.Constant(value);
        IrNode OnePlusSquare(IrNode x) => ir.Add(ir.One, ir.Power(x, Constant(2)));
        return Operation switch
        {
            "const" => Constant(Value),
            "state" => ir.State(Index),
            "parameter" => ir.Parameter(Index),
            "time" => ir.Time(),
            "neg" => ir.Negate(c[0]),
            "sin" => Call(IrOperation.Sin, c[0]),
            "cos" => Call(IrOperation.Cos, c[0]),
            "tan" => Call(IrOperation.Tan, ir.Multiply(Constant(0.7), Call(IrOperation.Tanh, c[0]))),
            "asin" => Call(IrOperation.Asin, ir.Multiply(Constant(0.9), Call(IrOperation.Tanh, c[0]))),
            "acos" => Call(IrOperation.Acos, ir.Multiply(Constant(0.9), Call(IrOperation.Tanh, c[0]))),
            "atan" => Call(IrOperation.Atan, c[0]),
            "sinh" => Call(IrOperation.Sinh, c[0]),
            "cosh" => Call(IrOperation.Cosh, c[0]),
            "tanh" => Call(IrOperation.Tanh, c[0]),
            "exp" => Call(IrOperation.Exp, c[0]),
            "log" => Call(IrOperation.Log, ir.Add(Call(IrOperation.Abs, c[0]), Constant(0.5))),
            "log10" => Call(IrOperation.Log10, OnePlusSquare(c[0])),
            "sqrt" => Call(IrOperation.Sqrt, OnePlusSquare(c[0])),
            "abs" => Call(IrOperation.Abs, c[0]),
            "sigmoid" => Call(IrOperation.Sigmoid, c[0]),
            "relu" => Call(IrOperation.Relu, c[0]),
            "softplus" => Call(IrOperation.Softplus, c[0]),
            "elu" => Call(IrOperation.Elu, c[0]),
            "square" => ir.Power(c[0], Constant(2)),
            "cube" => ir.Power(c[0], Constant(3)),
            "pow1.5" => ir.Power(OnePlusSquare(c[0]), Constant(1.5)),
            "heav" => Call(IrOperation.Heaviside, c[0]),
            "flr" => Call(IrOperation.Floor, c[0]),
            "add" => ir.Add(c[0], c[1]),
            "sub" => ir.Subtract(c[0], c[1]),
            "mul" => ir.Multiply(c[0], c[1]),
            "div" => ir.Divide(c[0], ir.Add(Constant(0.5), ir.Power(c[1], Constant(2)))),
            "atan2" => Call(IrOperation.Atan2, c[0], ir.Add(Constant(2), Call(IrOperation.Abs, c[1]))),
            "min" => Call(IrOperation.Min, c[0], c[1]),
            "max" => Call(IrOperation.Max, c[0], c[1]),
            "pow" => ir.Power(OnePlusSquare(c[0]), Call(IrOperation.Tanh, c[1])),
            "mod" => Call(IrOperation.Mod, c[0], ir.Add(Constant(1.5), ir.Power(c[1], Constant(2)))),
            "less" => Call(IrOperation.Less, c[0], c[1]),
            "and" => Call(IrOperation.And, c[0], c[1]),
            "if" => ir.Conditional(Call(IrOperation.Greater, c[0], Constant(0.2)), c[1], c[2]),
            _ => throw new InvalidOperationException(Operation),
        };
    }
}
