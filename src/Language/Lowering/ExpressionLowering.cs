using System.Collections.Immutable;
using OdeDsl.Language.Binding;
using OdeDsl.Language.IR;
using OdeDsl.Language.Text;

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
    private readonly Dictionary<IrNode, SourceSpan> stepFunctionSpans = new();

    /// <summary>Where each step-function node was first written (hash-consing merges repeated calls).</summary>
    public IReadOnlyDictionary<IrNode, SourceSpan> StepFunctionSpans => stepFunctionSpans;

    /// <summary>
    /// Lowers an expression bottom-up with an explicit stack: the front end accepts operator
    /// chains thousands deep, which recursion would turn into a stack overflow inside the compiler.
    /// </summary>
    public LoweredValue Lower(BoundExpression root)
    {
        var lowered = new Dictionary<BoundExpression, LoweredValue>();
        var pending = new Stack<(BoundExpression Expression, bool ChildrenDone)>();
        pending.Push((root, false));
        while (pending.Count > 0)
        {
            var (expression, childrenDone) = pending.Pop();
            if (lowered.ContainsKey(expression))
            {
                continue;
            }
            if (childrenDone)
            {
                lowered.Add(expression, Combine(expression, child => lowered[child]));
                continue;
            }
            pending.Push((expression, true));
            foreach (var child in Children(expression))
            {
                pending.Push((child, false));
            }
        }
        return lowered[root];
    }

    private static IEnumerable<BoundExpression> Children(BoundExpression expression) => expression switch
    {
        BoundUnaryExpression unary => [unary.Operand],
        BoundBinaryExpression binary => [binary.Left, binary.Right],
        BoundCallExpression call => call.Arguments,
        BoundConditionalExpression conditional => [conditional.Condition, conditional.WhenTrue, conditional.WhenFalse],
        BoundIndexExpression index => [index.Target],
        BoundVectorLiteral vector => vector.Elements,
        BoundNetCall netCall => [netCall.Input],
        _ => [],
    };

    /// <summary>One expression from its already lowered children.</summary>
    private LoweredValue Combine(BoundExpression expression, Func<BoundExpression, LoweredValue> child) => expression switch
    {
        BoundLiteral literal => LoweredValue.Scalar(ir.Constant(literal.Value)),
        BoundTime => LoweredValue.Scalar(ir.Time()),
        BoundSymbolReference reference => resolve(reference.Symbol),
        BoundUnaryExpression unary => Map(expression.Shape, child(unary.Operand), x =>
            unary.Operator == BoundUnaryOperator.Negate ? ir.Negate(x) : ir.Apply(IrOperation.Not, x)),
        BoundBinaryExpression { Operator: BoundBinaryOperator.MatrixMultiply } product =>
            MatrixMultiply(child(product.Left), child(product.Right), expression.Shape),
        BoundBinaryExpression binary => Zip(expression.Shape, child(binary.Left), child(binary.Right), (a, b) => ir.Apply(Operation(binary.Operator), a, b)),
        BoundCallExpression call => Call(call, call.Arguments.Select(child).ToList()),
        BoundConditionalExpression conditional => Conditional(conditional.Shape, child(conditional.Condition), child(conditional.WhenTrue), child(conditional.WhenFalse)),
        BoundIndexExpression index => Index(child(index.Target), index.Indices, expression.Shape),
        BoundVectorLiteral vector => new LoweredValue(expression.Shape, vector.Elements.SelectMany(element => child(element).Elements).ToImmutableArray()),
        BoundNetCall netCall => applyNet(netCall.Net, child(netCall.Input)),
        _ => throw new InvalidOperationException($"lowering has no rule for {expression.GetType().Name}"),
    };

    private LoweredValue Call(BoundCallExpression call, List<LoweredValue> arguments)
    {
        switch (call.Function)
        {
            case BuiltinFunction.Sum:
                return LoweredValue.Scalar(ir.Sum(arguments[0].Elements));
            case BuiltinFunction.Dot:
                return LoweredValue.Scalar(ir.Sum(arguments[0].Elements.Zip(arguments[1].Elements, ir.Multiply)));
            default:
                var operation = Operation(call.Function);
                var value = arguments.Count == 1
                    ? Map(call.Shape, arguments[0], x => ir.Apply(operation, x))
                    : Zip(call.Shape, arguments[0], arguments[1], (a, b) => ir.Apply(operation, a, b));
                if (operation is IrOperation.Floor or IrOperation.Ceiling or IrOperation.Heaviside or IrOperation.Sign)
                {
                    foreach (var node in value.Elements.Where(node => node.Operation == operation && !stepFunctionSpans.ContainsKey(node)))
                    {
                        stepFunctionSpans.Add(node, call.Span);
                    }
                }
                return value;
        }
    }

    private LoweredValue Conditional(Shape shape, LoweredValue condition, LoweredValue whenTrue, LoweredValue whenFalse) =>
        new(
            shape,
            Enumerable.Range(0, shape.Size)
                .Select(i => ir.Conditional(condition.At(i), whenTrue.At(i), whenFalse.At(i)))
                .ToImmutableArray());

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
