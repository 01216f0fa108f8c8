namespace OdeDsl.Language.IR;

/// <summary>
/// The operation methods: constant folding and algebraic simplification before interning.
/// Rules that would change a result for special values are chosen as follows (docs/differentiation.md):
/// <c>x*0 → 0</c>, <c>0/x → 0</c> and <c>x−x → 0</c> assume x is finite — derivatives produce many
/// structural zeros, and a zero partial must stay exactly zero rather than become NaN through
/// <c>0·∞</c>; a non-finite forward value is still caught by the solver, which evaluates f itself.
/// <c>x/x</c> is not simplified (wrong at x = 0); <c>(x^a)^b → x^(ab)</c> only for integer a and b.
/// </summary>
public sealed partial class IrBuilder
{
    public IrNode Add(IrNode left, IrNode right) => Apply(IrOperation.Add, left, right);

    public IrNode Subtract(IrNode left, IrNode right) => Apply(IrOperation.Subtract, left, right);

    public IrNode Multiply(IrNode left, IrNode right) => Apply(IrOperation.Multiply, left, right);

    public IrNode Divide(IrNode left, IrNode right) => Apply(IrOperation.Divide, left, right);

    public IrNode Negate(IrNode operand) => Apply(IrOperation.Negate, operand);

    public IrNode Power(IrNode @base, IrNode exponent) => Apply(IrOperation.Power, @base, exponent);

    public IrNode Conditional(IrNode condition, IrNode whenTrue, IrNode whenFalse) =>
        Apply(IrOperation.Conditional, condition, whenTrue, whenFalse);

    /// <summary>The sum of the terms (0 for none), as a chain of additions.</summary>
    public IrNode Sum(IEnumerable<IrNode> terms) => terms.Aggregate(Zero, Add);

    /// <summary>Applies any non-leaf operation, folding and simplifying first.</summary>
    public IrNode Apply(IrOperation operation, params IrNode[] operands)
    {
        if (operation.IsLeaf())
        {
            throw new ArgumentException($"{operation} is a leaf; use its own builder method", nameof(operation));
        }
        if (operands.Length != operation.Arity())
        {
            throw new ArgumentException($"{operation} takes {operation.Arity()} operands, not {operands.Length}", nameof(operands));
        }
        if (AllConstant(operands))
        {
            return Constant(IrFunctions.Apply(
                operation,
                operands[0].Value,
                operands.Length > 1 ? operands[1].Value : 0,
                operands.Length > 2 ? operands[2].Value : 0));
        }
        if (operation.IsCommutative() && Precedes(operands[1], operands[0]))
        {
            operands = [operands[1], operands[0]];
        }
        return Simplify(operation, operands) ?? Intern(operation, 0, -1, operands);
    }

    private static bool AllConstant(IrNode[] operands)
    {
        foreach (var operand in operands)
        {
            if (!operand.IsConstant) return false;
        }
        return true;
    }

    /// <summary>Canonical operand order of commutative operations: constants first, then by id.</summary>
    private static bool Precedes(IrNode a, IrNode b) =>
        a.IsConstant != b.IsConstant ? a.IsConstant : a.Id < b.Id;

    private IrNode? Simplify(IrOperation operation, IrNode[] x) => operation switch
    {
        IrOperation.Add => SimplifyAdd(x[0], x[1]),
        IrOperation.Subtract => SimplifySubtract(x[0], x[1]),
        IrOperation.Multiply => SimplifyMultiply(x[0], x[1]),
        IrOperation.Divide => SimplifyDivide(x[0], x[1]),
        IrOperation.Negate => SimplifyNegate(x[0]),
        IrOperation.Power => SimplifyPower(x[0], x[1]),
        IrOperation.Log when x[0].Operation == IrOperation.Exp => x[0].Operands[0],
        IrOperation.Abs when x[0].Operation == IrOperation.Abs => x[0],
        IrOperation.Abs when x[0].Operation == IrOperation.Negate => Apply(IrOperation.Abs, x[0].Operands[0]),
        IrOperation.Conditional => SimplifyConditional(x[0], x[1], x[2]),
        _ => null,
    };

    private IrNode? SimplifyAdd(IrNode a, IrNode b)
    {
        // After canonical ordering a constant can only be on the left.
        if (a.IsConstantValue(0)) return b;
        if (a == b) return Multiply(Constant(2), a);
        if (b.Operation == IrOperation.Negate) return Subtract(a, b.Operands[0]);
        if (a.Operation == IrOperation.Negate) return Subtract(b, a.Operands[0]);
        if (a.IsConstant && b.Operation == IrOperation.Add && b.Operands[0].IsConstant)
        {
            return Add(Constant(a.Value + b.Operands[0].Value), b.Operands[1]);
        }
        return null;
    }

    private IrNode? SimplifySubtract(IrNode a, IrNode b)
    {
        if (b.IsConstantValue(0)) return a;
        if (a.IsConstantValue(0)) return Negate(b);
        if (a == b) return Zero;
        if (b.Operation == IrOperation.Negate) return Add(a, b.Operands[0]);
        if (b.IsConstant) return Add(Constant(-b.Value), a);
        return null;
    }

    private IrNode? SimplifyMultiply(IrNode a, IrNode b)
    {
        if (a.IsConstantValue(0)) return Zero;
        if (a.IsConstantValue(1)) return b;
        if (a.IsConstantValue(-1)) return Negate(b);
        if (a == b) return Power(a, Constant(2));
        if (a.Operation == IrOperation.Negate) return Negate(Multiply(a.Operands[0], b));
        if (b.Operation == IrOperation.Negate) return Negate(Multiply(a, b.Operands[0]));
        if (a.IsConstant && b.Operation == IrOperation.Multiply && b.Operands[0].IsConstant)
        {
            return Multiply(Constant(a.Value * b.Operands[0].Value), b.Operands[1]);
        }
        var (aBase, aExponent) = IntegerPower(a);
        var (bBase, bExponent) = IntegerPower(b);
        if (aBase == bBase && aExponent is not null && bExponent is not null)
        {
            return Power(aBase, Constant(aExponent.Value + bExponent.Value));
        }
        return null;
    }

    private IrNode? SimplifyDivide(IrNode a, IrNode b)
    {
        if (b.IsConstantValue(1)) return a;
        if (b.IsConstantValue(-1)) return Negate(a);
        if (a.IsConstantValue(0)) return Zero;
        if (a.Operation == IrOperation.Negate) return Negate(Divide(a.Operands[0], b));
        if (b.Operation == IrOperation.Negate) return Negate(Divide(a, b.Operands[0]));
        return null;
    }

    private IrNode? SimplifyNegate(IrNode a) => a.Operation switch
    {
        IrOperation.Negate => a.Operands[0],
        IrOperation.Subtract => Subtract(a.Operands[1], a.Operands[0]),
        _ => null,
    };

    private IrNode? SimplifyPower(IrNode a, IrNode b)
    {
        if (b.IsConstantValue(1)) return a;
        if (b.IsConstantValue(0) || a.IsConstantValue(1)) return One;
        if (b.IsConstant && IsInteger(b.Value) && a.Operation == IrOperation.Power
            && a.Operands[1].IsConstant && IsInteger(a.Operands[1].Value))
        {
            return Power(a.Operands[0], Constant(a.Operands[1].Value * b.Value));
        }
        return null;
    }

    private IrNode? SimplifyConditional(IrNode condition, IrNode whenTrue, IrNode whenFalse)
    {
        if (condition.IsConstant) return condition.Value != 0 ? whenTrue : whenFalse;
        if (whenTrue == whenFalse) return whenTrue;
        return null;
    }

    /// <summary><c>x</c> as (x, 1) and <c>x^n</c> with integer n as (x, n); otherwise (x, null).</summary>
    private static (IrNode Base, double? Exponent) IntegerPower(IrNode node) =>
        node.Operation == IrOperation.Power && node.Operands[1].IsConstant && IsInteger(node.Operands[1].Value)
            ? (node.Operands[0], node.Operands[1].Value)
            : node.IsConstant ? (node, null) : (node, 1);

    private static bool IsInteger(double value) => Math.Floor(value) == value && Math.Abs(value) < 1e9;
}
