using System.Collections.Immutable;
using OdeDsl.Language.Binding;
using OdeDsl.Language.IR;

namespace OdeDsl.Language.Lowering;

/// <summary>
/// Lowers bound expressions to scalar IR: vectors and matrices become their elements (scalars
/// broadcast), <c>A @ v</c> becomes one dot product per row, <c>sum</c>/<c>dot</c> become sums, and
/// a net call becomes its layers (<see cref="MlpLowering"/>). Symbols resolve through
/// <paramref name="resolve"/>, which the system lowering memoises so that each fixed quantity or
/// derived parameter is lowered once.
/// </summary>
internal sealed class ExpressionLowering(IrBuilder ir, Func<Symbol, LoweredValue> resolve, Func<NetSymbol, LoweredValue, LoweredValue> applyNet)
{
    public LoweredValue Lower(BoundExpression expression) => expression switch
    {
        BoundLiteral literal => LoweredValue.Scalar(ir.Constant(literal.Value)),
        BoundTime => LoweredValue.Scalar(ir.Time()),
        BoundSymbolReference reference => resolve(reference.Symbol),
        BoundUnaryExpression unary => Map(expression.Shape, Lower(unary.Operand), x =>
            unary.Operator == BoundUnaryOperator.Negate ? ir.Negate(x) : ir.Apply(IrOperation.Not, x)),
        BoundBinaryExpression { Operator: BoundBinaryOperator.MatrixMultiply } product =>
            MatrixMultiply(Lower(product.Left), Lower(product.Right), expression.Shape),
        BoundBinaryExpression binary => Zip(expression.Shape, Lower(binary.Left), Lower(binary.Right), (a, b) => ir.Apply(Operation(binary.Operator), a, b)),
        BoundCallExpression call => Call(call),
        BoundConditionalExpression conditional => Conditional(conditional),
        BoundIndexExpression index => Index(Lower(index.Target), index.Indices, expression.Shape),
        BoundVectorLiteral vector => new LoweredValue(expression.Shape, vector.Elements.SelectMany(element => Lower(element).Elements).ToImmutableArray()),
        BoundNetCall netCall => applyNet(netCall.Net, Lower(netCall.Input)),
        _ => throw new InvalidOperationException($"lowering has no rule for {expression.GetType().Name}"),
    };

    private LoweredValue Call(BoundCallExpression call)
    {
        var arguments = call.Arguments.Select(Lower).ToList();
        switch (call.Function)
        {
            case BuiltinFunction.Sum:
                return LoweredValue.Scalar(ir.Sum(arguments[0].Elements));
            case BuiltinFunction.Dot:
                return LoweredValue.Scalar(ir.Sum(arguments[0].Elements.Zip(arguments[1].Elements, ir.Multiply)));
            default:
                var operation = Operation(call.Function);
                return arguments.Count == 1
                    ? Map(call.Shape, arguments[0], x => ir.Apply(operation, x))
                    : Zip(call.Shape, arguments[0], arguments[1], (a, b) => ir.Apply(operation, a, b));
        }
    }

    private LoweredValue Conditional(BoundConditionalExpression conditional)
    {
        var condition = Lower(conditional.Condition);
        var whenTrue = Lower(conditional.WhenTrue);
        var whenFalse = Lower(conditional.WhenFalse);
        return new LoweredValue(
            conditional.Shape,
            Enumerable.Range(0, conditional.Shape.Size)
                .Select(i => ir.Conditional(condition.At(i), whenTrue.At(i), whenFalse.At(i)))
                .ToImmutableArray());
    }

    private LoweredValue MatrixMultiply(LoweredValue left, LoweredValue right, Shape shape)
    {
        // left is [rows, inner]; right is a vector [inner] or a matrix [inner, columns].
        int inner = left.Shape.Columns, columns = right.Shape.IsMatrix ? right.Shape.Columns : 1;
        var elements = ImmutableArray.CreateBuilder<IrNode>(shape.Size);
        for (var row = 0; row < left.Shape.Rows; row++)
        {
            for (var column = 0; column < columns; column++)
            {
                elements.Add(ir.Sum(Enumerable.Range(0, inner)
                    .Select(k => ir.Multiply(left.Elements[row * inner + k], right.Elements[k * columns + column]))));
            }
        }
        return new LoweredValue(shape, elements.MoveToImmutable());
    }

    private static LoweredValue Index(LoweredValue target, ImmutableArray<int> indices, Shape shape)
    {
        if (target.Shape.IsMatrix && indices.Length == 1)
        {
            var columns = target.Shape.Columns;
            return new LoweredValue(shape, target.Elements.Skip(indices[0] * columns).Take(columns).ToImmutableArray());
        }
        var flat = indices.Length == 2 ? indices[0] * target.Shape.Columns + indices[1] : indices[0];
        return LoweredValue.Scalar(target.Elements[flat]);
    }

    private static LoweredValue Map(Shape shape, LoweredValue value, Func<IrNode, IrNode> operation) =>
        new(shape, value.Elements.Select(operation).ToImmutableArray());

    private static LoweredValue Zip(Shape shape, LoweredValue left, LoweredValue right, Func<IrNode, IrNode, IrNode> operation) =>
        new(shape, Enumerable.Range(0, shape.Size).Select(i => operation(left.At(i), right.At(i))).ToImmutableArray());

    private static IrOperation Operation(BoundBinaryOperator @operator) => @operator switch
    {
        BoundBinaryOperator.Add => IrOperation.Add,
        BoundBinaryOperator.Subtract => IrOperation.Subtract,
        BoundBinaryOperator.Multiply => IrOperation.Multiply,
        BoundBinaryOperator.Divide => IrOperation.Divide,
        BoundBinaryOperator.Power => IrOperation.Power,
        BoundBinaryOperator.Less => IrOperation.Less,
        BoundBinaryOperator.LessOrEqual => IrOperation.LessOrEqual,
        BoundBinaryOperator.Greater => IrOperation.Greater,
        BoundBinaryOperator.GreaterOrEqual => IrOperation.GreaterOrEqual,
        BoundBinaryOperator.Equal => IrOperation.Equal,
        BoundBinaryOperator.NotEqual => IrOperation.NotEqual,
        BoundBinaryOperator.And => IrOperation.And,
        BoundBinaryOperator.Or => IrOperation.Or,
        _ => throw new InvalidOperationException($"no elementwise operation for {@operator}"),
    };

    private static IrOperation Operation(BuiltinFunction function) => function switch
    {
        BuiltinFunction.Sin => IrOperation.Sin,
        BuiltinFunction.Cos => IrOperation.Cos,
        BuiltinFunction.Tan => IrOperation.Tan,
        BuiltinFunction.Asin => IrOperation.Asin,
        BuiltinFunction.Acos => IrOperation.Acos,
        BuiltinFunction.Atan => IrOperation.Atan,
        BuiltinFunction.Atan2 => IrOperation.Atan2,
        BuiltinFunction.Sinh => IrOperation.Sinh,
        BuiltinFunction.Cosh => IrOperation.Cosh,
        BuiltinFunction.Tanh => IrOperation.Tanh,
        BuiltinFunction.Exp => IrOperation.Exp,
        BuiltinFunction.Log => IrOperation.Log,
        BuiltinFunction.Log10 => IrOperation.Log10,
        BuiltinFunction.Sqrt => IrOperation.Sqrt,
        BuiltinFunction.Abs => IrOperation.Abs,
        BuiltinFunction.Sign => IrOperation.Sign,
        BuiltinFunction.Heaviside => IrOperation.Heaviside,
        BuiltinFunction.Min => IrOperation.Min,
        BuiltinFunction.Max => IrOperation.Max,
        BuiltinFunction.Mod => IrOperation.Mod,
        BuiltinFunction.Pow => IrOperation.Power,
        BuiltinFunction.Sigmoid => IrOperation.Sigmoid,
        BuiltinFunction.Relu => IrOperation.Relu,
        BuiltinFunction.Softplus => IrOperation.Softplus,
        BuiltinFunction.Elu => IrOperation.Elu,
        BuiltinFunction.Floor => IrOperation.Floor,
        BuiltinFunction.Ceiling => IrOperation.Ceiling,
        _ => throw new InvalidOperationException($"{function} is not elementwise"),
    };
}
