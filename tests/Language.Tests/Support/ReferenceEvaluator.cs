using OdeDsl.Language.Binding;

namespace OdeDsl.Language.Tests.Support;

/// <summary>
/// A plain interpreter over the bound tree, written for tests only: it checks that binding kept
/// each model's meaning (precedence, expansion, broadcasting) against hand-computed values.
/// Values are flat row-major arrays; networks are not evaluated.
/// </summary>
public sealed class ReferenceEvaluator(BoundSystem system, IReadOnlyDictionary<string, double[]> point)
{
    private readonly Dictionary<Symbol, double[]> cache = [];

    public double[] EvaluateEquation(StateSymbol state) =>
        Evaluate(system.Equations.Single(e => e.State == state).Value);

    public double[] Evaluate(BoundExpression expression) => expression switch
    {
        BoundLiteral literal => [literal.Value],
        BoundTime => point["t"],
        BoundSymbolReference reference => Lookup(reference.Symbol),
        BoundUnaryExpression unary => Evaluate(unary.Operand).Select(v => unary.Operator == BoundUnaryOperator.Negate ? -v : (v == 0 ? 1.0 : 0.0)).ToArray(),
        BoundBinaryExpression { Operator: BoundBinaryOperator.MatrixMultiply } product => MatrixMultiply(product),
        BoundBinaryExpression binary => Zip(Evaluate(binary.Left), Evaluate(binary.Right), (a, b) => Apply(binary.Operator, a, b)),
        BoundConditionalExpression conditional => Conditional(conditional),
        BoundCallExpression call => Call(call),
        BoundIndexExpression index => Index(index),
        BoundVectorLiteral vector => vector.Elements.SelectMany(Evaluate).ToArray(),
        _ => throw new NotSupportedException(expression.GetType().Name),
    };

    private double[] Lookup(Symbol symbol)
    {
        if (point.TryGetValue(symbol.Name, out var given))
        {
            return given;
        }

        if (cache.TryGetValue(symbol, out var cached))
        {
            return cached;
        }

        var value = symbol switch
        {
            ParameterSymbol parameter => Evaluate(parameter.Value),
            NumberSymbol number => Evaluate(number.Value),
            DerivedSymbol derived => Evaluate(derived.Value),
            FixedSymbol fixedQuantity => Evaluate(fixedQuantity.Value),
            _ => throw new InvalidOperationException($"the check point gives no value for {symbol.Name}"),
        };
        cache[symbol] = value;
        return value;
    }

    private static double[] Zip(double[] left, double[] right, Func<double, double, double> apply)
    {
        var length = Math.Max(left.Length, right.Length);
        var result = new double[length];
        for (var i = 0; i < length; i++)
        {
            result[i] = apply(left[left.Length == 1 ? 0 : i], right[right.Length == 1 ? 0 : i]);
        }

        return result;
    }

    private static double Apply(BoundBinaryOperator op, double a, double b) => op switch
    {
        BoundBinaryOperator.Add => a + b,
        BoundBinaryOperator.Subtract => a - b,
        BoundBinaryOperator.Multiply => a * b,
        BoundBinaryOperator.Divide => a / b,
        BoundBinaryOperator.Power => Math.Pow(a, b),
        BoundBinaryOperator.Less => a < b ? 1 : 0,
        BoundBinaryOperator.LessOrEqual => a <= b ? 1 : 0,
        BoundBinaryOperator.Greater => a > b ? 1 : 0,
        BoundBinaryOperator.GreaterOrEqual => a >= b ? 1 : 0,
        BoundBinaryOperator.Equal => a == b ? 1 : 0,
        BoundBinaryOperator.NotEqual => a != b ? 1 : 0,
        BoundBinaryOperator.And => a != 0 && b != 0 ? 1 : 0,
        BoundBinaryOperator.Or => a != 0 || b != 0 ? 1 : 0,
        _ => throw new NotSupportedException(op.ToString()),
    };

    private double[] MatrixMultiply(BoundBinaryExpression product)
    {
        var left = Evaluate(product.Left);
        var right = Evaluate(product.Right);
        var (rows, inner) = product.Left.Shape.IsMatrix ? (product.Left.Shape.Rows, product.Left.Shape.Columns) : (1, product.Left.Shape.Rows);
        var columns = product.Right.Shape.IsMatrix ? product.Right.Shape.Columns : 1;
        var result = new double[rows * columns];
        for (var i = 0; i < rows; i++)
        {
            for (var j = 0; j < columns; j++)
            {
                for (var k = 0; k < inner; k++)
                {
                    result[i * columns + j] += left[i * inner + k] * right[k * columns + j];
                }
            }
        }

        return result;
    }

    private double[] Conditional(BoundConditionalExpression conditional)
    {
        var condition = Evaluate(conditional.Condition);
        var whenTrue = Evaluate(conditional.WhenTrue);
        var whenFalse = Evaluate(conditional.WhenFalse);
        var length = Math.Max(condition.Length, Math.Max(whenTrue.Length, whenFalse.Length));
        return Enumerable.Range(0, length)
            .Select(i => condition[condition.Length == 1 ? 0 : i] != 0 ? whenTrue[whenTrue.Length == 1 ? 0 : i] : whenFalse[whenFalse.Length == 1 ? 0 : i])
            .ToArray();
    }

    private double[] Index(BoundIndexExpression index)
    {
        var target = Evaluate(index.Target);
        var shape = index.Target.Shape;
        if (shape.IsVector)
        {
            return [target[index.Indices[0]]];
        }

        return index.Indices.Length == 2
            ? [target[index.Indices[0] * shape.Columns + index.Indices[1]]]
            : target.Skip(index.Indices[0] * shape.Columns).Take(shape.Columns).ToArray();
    }

    private double[] Call(BoundCallExpression call)
    {
        var arguments = call.Arguments.Select(Evaluate).ToArray();
        switch (call.Function)
        {
            case BuiltinFunction.Sum:
                return [arguments[0].Sum()];
            case BuiltinFunction.Dot:
                return [arguments[0].Zip(arguments[1], (a, b) => a * b).Sum()];
        }

        if (arguments.Length == 2)
        {
            return Zip(arguments[0], arguments[1], (a, b) => call.Function switch
            {
                BuiltinFunction.Atan2 => Math.Atan2(a, b),
                BuiltinFunction.Min => Math.Min(a, b),
                BuiltinFunction.Max => Math.Max(a, b),
                BuiltinFunction.Mod => a - b * Math.Floor(a / b),
                BuiltinFunction.Pow => Math.Pow(a, b),
                _ => throw new NotSupportedException(call.Function.ToString()),
            });
        }

        return arguments[0].Select(x => call.Function switch
        {
            BuiltinFunction.Sin => Math.Sin(x),
            BuiltinFunction.Cos => Math.Cos(x),
            BuiltinFunction.Tan => Math.Tan(x),
            BuiltinFunction.Asin => Math.Asin(x),
            BuiltinFunction.Acos => Math.Acos(x),
            BuiltinFunction.Atan => Math.Atan(x),
            BuiltinFunction.Sinh => Math.Sinh(x),
            BuiltinFunction.Cosh => Math.Cosh(x),
            BuiltinFunction.Tanh => Math.Tanh(x),
            BuiltinFunction.Exp => Math.Exp(x),
            BuiltinFunction.Log => Math.Log(x),
            BuiltinFunction.Log10 => Math.Log10(x),
            BuiltinFunction.Sqrt => Math.Sqrt(x),
            BuiltinFunction.Abs => Math.Abs(x),
            BuiltinFunction.Sign => Math.Sign(x),
            BuiltinFunction.Heaviside => x >= 0 ? 1 : 0,
            BuiltinFunction.Sigmoid => 1 / (1 + Math.Exp(-x)),
            BuiltinFunction.Relu => Math.Max(x, 0),
            BuiltinFunction.Softplus => Math.Log(1 + Math.Exp(x)),
            BuiltinFunction.Elu => x > 0 ? x : Math.Exp(x) - 1,
            BuiltinFunction.Floor => Math.Floor(x),
            BuiltinFunction.Ceiling => Math.Ceiling(x),
            _ => throw new NotSupportedException(call.Function.ToString()),
        }).ToArray();
    }
}
