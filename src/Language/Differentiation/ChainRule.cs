using OdeDsl.Language.IR;

namespace OdeDsl.Language.Differentiation;

/// <summary>
/// The local derivative of each operation, applied to a seed: <c>seed · ∂node/∂operand_k</c>.
/// Reverse mode passes an adjoint as the seed, forward mode a tangent; both therefore use one
/// table of rules. Partials reuse the node itself where they can (<c>tanh' = 1 − tanh²</c>,
/// <c>exp' = exp</c>, <c>sqrt' = 1/(2·sqrt)</c>) so hash-consing shares them with the forward pass.
/// Conventions at kinks (docs/differentiation.md): <c>abs'(0) = 0</c>, <c>relu'(0) = 0</c>,
/// <c>heav' = sign' = flr' = ceil' = 0</c>, comparisons and logic have zero derivative, <c>min</c>/<c>max</c>
/// pass the gradient to the first argument on ties, <c>if</c> passes it to the branch taken.
/// </summary>
public static class ChainRule
{
    public static IrNode Apply(IrBuilder ir, IrNode node, int operand, IrNode seed)
    {
        var x = node.Operands[0];
        var y = node.Operands.Length > 1 ? node.Operands[1] : null;
        return node.Operation switch
        {
            IrOperation.Add => seed,
            IrOperation.Subtract => operand == 0 ? seed : ir.Negate(seed),
            IrOperation.Multiply => ir.Multiply(seed, operand == 0 ? y! : x),
            IrOperation.Divide => operand == 0
                ? ir.Divide(seed, y!)
                : ir.Negate(ir.Divide(ir.Multiply(seed, node), y!)),
            IrOperation.Negate => ir.Negate(seed),
            IrOperation.Power => operand == 0 ? PowerBase(ir, x, y!, seed) : ir.Multiply(seed, ir.Multiply(node, Call(ir, IrOperation.Log, x))),
            IrOperation.Sin => ir.Multiply(seed, Call(ir, IrOperation.Cos, x)),
            IrOperation.Cos => ir.Negate(ir.Multiply(seed, Call(ir, IrOperation.Sin, x))),
            IrOperation.Tan => ir.Multiply(seed, ir.Add(ir.One, Square(ir, node))),
            IrOperation.Asin => ir.Divide(seed, Call(ir, IrOperation.Sqrt, ir.Subtract(ir.One, Square(ir, x)))),
            IrOperation.Acos => ir.Negate(ir.Divide(seed, Call(ir, IrOperation.Sqrt, ir.Subtract(ir.One, Square(ir, x))))),
            IrOperation.Atan => ir.Divide(seed, ir.Add(ir.One, Square(ir, x))),
            IrOperation.Atan2 => Atan2(ir, x, y!, operand, seed),
            IrOperation.Sinh => ir.Multiply(seed, Call(ir, IrOperation.Cosh, x)),
            IrOperation.Cosh => ir.Multiply(seed, Call(ir, IrOperation.Sinh, x)),
            IrOperation.Tanh => ir.Multiply(seed, ir.Subtract(ir.One, Square(ir, node))),
            IrOperation.Exp => ir.Multiply(seed, node),
            IrOperation.Log => ir.Divide(seed, x),
            IrOperation.Log10 => ir.Divide(seed, ir.Multiply(ir.Constant(Math.Log(10)), x)),
            IrOperation.Sqrt => ir.Divide(seed, ir.Multiply(ir.Constant(2), node)),
            IrOperation.Abs => ir.Multiply(seed, Call(ir, IrOperation.Sign, x)),
            IrOperation.Min => Select(ir, ir.Apply(IrOperation.LessOrEqual, x, y!), operand, seed),
            IrOperation.Max => Select(ir, ir.Apply(IrOperation.GreaterOrEqual, x, y!), operand, seed),
            // mod(a, b) = a − b·flr(a/b): ∂/∂a = 1, ∂/∂b = −flr(a/b), away from the jumps.
            IrOperation.Mod => operand == 0 ? seed : ir.Negate(ir.Multiply(seed, Call(ir, IrOperation.Floor, ir.Divide(x, y!)))),
            IrOperation.Sigmoid => ir.Multiply(seed, ir.Multiply(node, ir.Subtract(ir.One, node))),
            IrOperation.Relu => ir.Conditional(ir.Apply(IrOperation.Greater, x, ir.Zero), seed, ir.Zero),
            IrOperation.Softplus => ir.Multiply(seed, Call(ir, IrOperation.Sigmoid, x)),
            IrOperation.Elu => ir.Conditional(ir.Apply(IrOperation.Greater, x, ir.Zero), seed, ir.Multiply(seed, ir.Add(node, ir.One))),
            IrOperation.Conditional => operand switch
            {
                0 => ir.Zero,
                1 => ir.Conditional(x, seed, ir.Zero),
                _ => ir.Conditional(x, ir.Zero, seed),
            },
            _ when node.Operation.IsPiecewiseConstant() => ir.Zero,
            _ => throw new ArgumentException($"no derivative rule for {node.Operation}", nameof(node)),
        };
    }

    private static IrNode PowerBase(IrBuilder ir, IrNode x, IrNode exponent, IrNode seed)
    {
        // d/dx x^c = c·x^(c−1); for a constant c the folded exponent keeps x² → 2x, x³ → 3x².
        var lowered = exponent.IsConstant
            ? ir.Power(x, ir.Constant(exponent.Value - 1))
            : ir.Power(x, ir.Subtract(exponent, ir.One));
        return ir.Multiply(seed, ir.Multiply(exponent, lowered));
    }

    private static IrNode Atan2(IrBuilder ir, IrNode y, IrNode x, int operand, IrNode seed)
    {
        // atan2(y, x): ∂/∂y = x/(x²+y²), ∂/∂x = −y/(x²+y²).
        var radiusSquared = ir.Add(Square(ir, x), Square(ir, y));
        return operand == 0
            ? ir.Divide(ir.Multiply(seed, x), radiusSquared)
            : ir.Negate(ir.Divide(ir.Multiply(seed, y), radiusSquared));
    }

    /// <summary>The seed goes to operand 0 where <paramref name="firstWins"/> holds, to operand 1 elsewhere.</summary>
    private static IrNode Select(IrBuilder ir, IrNode firstWins, int operand, IrNode seed) =>
        operand == 0 ? ir.Conditional(firstWins, seed, ir.Zero) : ir.Conditional(firstWins, ir.Zero, seed);

    private static IrNode Square(IrBuilder ir, IrNode x) => ir.Power(x, ir.Constant(2));

    private static IrNode Call(IrBuilder ir, IrOperation operation, IrNode x) => ir.Apply(operation, x);
}
