namespace OdeDsl.Language.IR;

/// <summary>
/// The meaning of every <see cref="IrOperation"/> over doubles: used by constant folding and by
/// <see cref="IrEvaluator"/>, and the reference that emitted code must match.
/// Conventions (documented in docs/differentiation.md): truth is "non-zero"; comparisons and logic
/// give 0 or 1; <c>heav(x)</c> is 1 for x ≥ 0 (XPPAUT); <c>sign(0)</c> = 0; <c>mod(a, b)</c> =
/// a − b·flr(a/b) (result has the sign of b); softplus is evaluated in its overflow-free form.
/// </summary>
public static class IrFunctions
{
    public static double Apply(IrOperation operation, double a, double b = 0, double c = 0) => operation switch
    {
        IrOperation.Add => a + b,
        IrOperation.Subtract => a - b,
        IrOperation.Multiply => a * b,
        IrOperation.Divide => a / b,
        IrOperation.Negate => -a,
        IrOperation.Power => Math.Pow(a, b),
        IrOperation.Sin => Math.Sin(a),
        IrOperation.Cos => Math.Cos(a),
        IrOperation.Tan => Math.Tan(a),
        IrOperation.Asin => Math.Asin(a),
        IrOperation.Acos => Math.Acos(a),
        IrOperation.Atan => Math.Atan(a),
        IrOperation.Atan2 => Math.Atan2(a, b),
        IrOperation.Sinh => Math.Sinh(a),
        IrOperation.Cosh => Math.Cosh(a),
        IrOperation.Tanh => Math.Tanh(a),
        IrOperation.Exp => Math.Exp(a),
        IrOperation.Log => Math.Log(a),
        IrOperation.Log10 => Math.Log10(a),
        IrOperation.Sqrt => Math.Sqrt(a),
        IrOperation.Abs => Math.Abs(a),
        IrOperation.Min => Math.Min(a, b),
        IrOperation.Max => Math.Max(a, b),
        IrOperation.Mod => a - b * Math.Floor(a / b),
        IrOperation.Sigmoid => 1 / (1 + Math.Exp(-a)),
        IrOperation.Relu => a > 0 ? a : 0,
        IrOperation.Softplus => Math.Max(a, 0) + Math.Log(1 + Math.Exp(-Math.Abs(a))),
        IrOperation.Elu => a > 0 ? a : Math.Exp(a) - 1,
        IrOperation.Sign => a > 0 ? 1 : a < 0 ? -1 : a,
        IrOperation.Heaviside => a >= 0 ? 1 : 0,
        IrOperation.Floor => Math.Floor(a),
        IrOperation.Ceiling => Math.Ceiling(a),
        IrOperation.Less => Truth(a < b),
        IrOperation.LessOrEqual => Truth(a <= b),
        IrOperation.Greater => Truth(a > b),
        IrOperation.GreaterOrEqual => Truth(a >= b),
        IrOperation.Equal => Truth(a == b),
        IrOperation.NotEqual => Truth(a != b),
        IrOperation.And => Truth(a != 0 && b != 0),
        IrOperation.Or => Truth(a != 0 || b != 0),
        IrOperation.Not => Truth(a == 0),
        IrOperation.Conditional => a != 0 ? b : c,
        _ => throw new ArgumentOutOfRangeException(nameof(operation), operation, "leaves have no function"),
    };

    private static double Truth(bool value) => value ? 1 : 0;
}
