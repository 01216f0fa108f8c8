namespace OdeDsl.Language.IR;

/// <summary>Static properties of each <see cref="IrOperation"/>: arity, commutativity, differentiability.</summary>
public static class IrOperationFacts
{
    public static bool IsLeaf(this IrOperation operation) => operation <= IrOperation.Cotangent;

    public static int Arity(this IrOperation operation) => operation switch
    {
        <= IrOperation.Cotangent => 0,
        IrOperation.Add or IrOperation.Subtract or IrOperation.Multiply or IrOperation.Divide
            or IrOperation.Power or IrOperation.Atan2 or IrOperation.Min or IrOperation.Max
            or IrOperation.Mod or IrOperation.Less or IrOperation.LessOrEqual or IrOperation.Greater
            or IrOperation.GreaterOrEqual or IrOperation.Equal or IrOperation.NotEqual
            or IrOperation.And or IrOperation.Or => 2,
        IrOperation.Conditional => 3,
        _ => 1,
    };

    /// <summary>Operations whose operands are put in a canonical order so that <c>x+y</c> and <c>y+x</c> are one node.</summary>
    public static bool IsCommutative(this IrOperation operation) =>
        operation is IrOperation.Add or IrOperation.Multiply or IrOperation.Equal
            or IrOperation.NotEqual or IrOperation.And or IrOperation.Or;

    /// <summary>
    /// Operations whose value is piecewise constant: their derivative is zero wherever it exists, so a
    /// gradient that must flow through them is lost (diagnostic ODE4001 on a path to a learned parameter).
    /// </summary>
    public static bool IsPiecewiseConstant(this IrOperation operation) =>
        operation is IrOperation.Sign or IrOperation.Heaviside or IrOperation.Floor or IrOperation.Ceiling
            or IrOperation.Less or IrOperation.LessOrEqual or IrOperation.Greater or IrOperation.GreaterOrEqual
            or IrOperation.Equal or IrOperation.NotEqual or IrOperation.And or IrOperation.Or or IrOperation.Not;

    /// <summary>The name used by <see cref="IrPrinter"/> and in the DSL for function-like operations.</summary>
    public static string FunctionName(this IrOperation operation) => operation switch
    {
        IrOperation.Heaviside => "heav",
        IrOperation.Floor => "flr",
        IrOperation.Ceiling => "ceil",
        IrOperation.Power => "pow",
        _ => operation.ToString().ToLowerInvariant(),
    };
}
