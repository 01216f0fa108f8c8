using OdeDsl.Generator.Model;
using OdeDsl.Language.IR;

namespace OdeDsl.Generator.Specification;

/// <summary>IR operations as spec operators and function names (the language's own spelling).</summary>
internal static class IrOperationNames
{
    public static BinaryOperator? Binary(IrOperation operation) => operation switch
    {
        IrOperation.Add => BinaryOperator.Add,
        IrOperation.Subtract => BinaryOperator.Subtract,
        IrOperation.Multiply => BinaryOperator.Multiply,
        IrOperation.Divide => BinaryOperator.Divide,
        IrOperation.Power => BinaryOperator.Power,
        IrOperation.Less => BinaryOperator.Less,
        IrOperation.LessOrEqual => BinaryOperator.LessOrEqual,
        IrOperation.Greater => BinaryOperator.Greater,
        IrOperation.GreaterOrEqual => BinaryOperator.GreaterOrEqual,
        IrOperation.Equal => BinaryOperator.Equal,
        IrOperation.NotEqual => BinaryOperator.NotEqual,
        IrOperation.And => BinaryOperator.And,
        IrOperation.Or => BinaryOperator.Or,
        _ => null,
    };

    public static string? Function(IrOperation operation) => operation switch
    {
        IrOperation.Sin => "sin",
        IrOperation.Cos => "cos",
        IrOperation.Tan => "tan",
        IrOperation.Asin => "asin",
        IrOperation.Acos => "acos",
        IrOperation.Atan => "atan",
        IrOperation.Atan2 => "atan2",
        IrOperation.Sinh => "sinh",
        IrOperation.Cosh => "cosh",
        IrOperation.Tanh => "tanh",
        IrOperation.Exp => "exp",
        IrOperation.Log => "log",
        IrOperation.Log10 => "log10",
        IrOperation.Sqrt => "sqrt",
        IrOperation.Abs => "abs",
        IrOperation.Min => "min",
        IrOperation.Max => "max",
        IrOperation.Mod => "mod",
        IrOperation.Sigmoid => "sigmoid",
        IrOperation.Relu => "relu",
        IrOperation.Softplus => "softplus",
        IrOperation.Elu => "elu",
        IrOperation.Sign => "sign",
        IrOperation.Heaviside => "heav",
        IrOperation.Floor => "flr",
        IrOperation.Ceiling => "ceil",
        _ => null,
    };
}
