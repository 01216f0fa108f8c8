namespace OdeDsl.Language.Binding;

/// <summary>
/// Evaluates constant scalar expressions (literals, numbers, arithmetic, builtins) while
/// binding, for sizes, indices, constraint bounds and messages. Null when not constant.
/// Each number's value is remembered when it is bound (numbers are bound in dependency
/// order), so a long chain of numbers is never followed recursively.
/// </summary>
internal sealed class ConstantEvaluator
{
    private readonly Dictionary<NumberSymbol, double[]?> numbers = [];

    public void Remember(NumberSymbol number) => numbers[number] = EvaluateElements(number.Value);

    public double? Evaluate(BoundExpression expression) => expression switch
    {
        BoundLiteral literal => literal.Value,
        BoundSymbolReference { Symbol: NumberSymbol number } => numbers.TryGetValue(number, out var value) && value is { Length: 1 } ? value[0] : null,
        BoundUnaryExpression { Operator: BoundUnaryOperator.Negate } unary => -Evaluate(unary.Operand),
        BoundUnaryExpression { Operator: BoundUnaryOperator.Not } unary => Evaluate(unary.Operand) is { } v ? (v == 0 ? 1 : 0) : null,
        BoundBinaryExpression binary when binary.Shape.IsScalar && Evaluate(binary.Left) is { } left && Evaluate(binary.Right) is { } right =>
            Apply(binary.Operator, left, right),
        BoundCallExpression call when call.Shape.IsScalar && call.Arguments.All(a => a.Shape.IsScalar) => Call(call),
        BoundConditionalExpression conditional when conditional.Shape.IsScalar && Evaluate(conditional.Condition) is { } c =>
            c != 0 ? Evaluate(conditional.WhenTrue) : Evaluate(conditional.WhenFalse),
        _ => null,
    };

    /// <summary>Every element of a constant value, row-major; null when any element is not constant.</summary>
    public double[]? EvaluateElements(BoundExpression expression)
    {
        if (expression.Shape.IsScalar)
        {
            return Evaluate(expression) is { } value ? [value] : null;
        }

        if (expression is BoundVectorLiteral vector)
        {
            var result = new List<double>();
            foreach (var element in vector.Elements)
            {
                var values = EvaluateElements(element);
                if (values is null)
                {
                    return null;
                }

                result.AddRange(values);
            }

            return result.ToArray();
        }

        return expression is BoundSymbolReference { Symbol: NumberSymbol number } && numbers.TryGetValue(number, out var remembered) ? remembered : null;
    }

    private static double? Apply(BoundBinaryOperator op, double left, double right) => op switch
    {
        BoundBinaryOperator.Add => left + right,
        BoundBinaryOperator.Subtract => left - right,
        BoundBinaryOperator.Multiply => left * right,
        BoundBinaryOperator.Divide => left / right,
        BoundBinaryOperator.Power => Math.Pow(left, right),
        BoundBinaryOperator.Less => left < right ? 1 : 0,
        BoundBinaryOperator.LessOrEqual => left <= right ? 1 : 0,
        BoundBinaryOperator.Greater => left > right ? 1 : 0,
        BoundBinaryOperator.GreaterOrEqual => left >= right ? 1 : 0,
        BoundBinaryOperator.Equal => left == right ? 1 : 0,
        BoundBinaryOperator.NotEqual => left != right ? 1 : 0,
        BoundBinaryOperator.And => left != 0 && right != 0 ? 1 : 0,
        BoundBinaryOperator.Or => left != 0 || right != 0 ? 1 : 0,
        _ => null,
    };

    private double? Call(BoundCallExpression call)
    {
        var arguments = new double[call.Arguments.Length];
        for (var i = 0; i < arguments.Length; i++)
        {
            if (Evaluate(call.Arguments[i]) is not { } value)
            {
                return null;
            }

            arguments[i] = value;
        }

        var x = arguments.Length > 0 ? arguments[0] : 0;
        var y = arguments.Length > 1 ? arguments[1] : 0;
        return call.Function switch
        {
            BuiltinFunction.Sin => Math.Sin(x),
            BuiltinFunction.Cos => Math.Cos(x),
            BuiltinFunction.Tan => Math.Tan(x),
            BuiltinFunction.Asin => Math.Asin(x),
            BuiltinFunction.Acos => Math.Acos(x),
            BuiltinFunction.Atan => Math.Atan(x),
            BuiltinFunction.Atan2 => Math.Atan2(x, y),
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
            BuiltinFunction.Min => Math.Min(x, y),
            BuiltinFunction.Max => Math.Max(x, y),
            BuiltinFunction.Mod => x - y * Math.Floor(x / y),
            BuiltinFunction.Pow => Math.Pow(x, y),
            BuiltinFunction.Floor => Math.Floor(x),
            BuiltinFunction.Ceiling => Math.Ceiling(x),
            BuiltinFunction.Sum => x,
            _ => null,
        };
    }
}
