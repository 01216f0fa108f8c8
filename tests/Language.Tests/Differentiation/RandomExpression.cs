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
