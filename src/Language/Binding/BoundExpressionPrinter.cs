using System.Globalization;
using System.Text;

namespace OdeDsl.Language.Binding;

/// <summary>Writes a bound expression fully parenthesised, for tests and debugging: `(x + (2 * y))`.</summary>
public static class BoundExpressionPrinter
{
    public static string Print(BoundExpression expression)
    {
        var builder = new StringBuilder();
        Write(builder, expression);
        return builder.ToString();
    }

    private static void Write(StringBuilder builder, BoundExpression expression)
    {
        switch (expression)
        {
            case BoundLiteral literal:
                builder.Append(literal.Value.ToString("R", CultureInfo.InvariantCulture));
                break;
            case BoundTime:
                builder.Append('t');
                break;
            case BoundSymbolReference reference:
                builder.Append(reference.Symbol.Name);
                break;
            case BoundUnaryExpression unary:
                builder.Append(unary.Operator == BoundUnaryOperator.Negate ? "(-" : "(!");
                Write(builder, unary.Operand);
                builder.Append(')');
                break;
            case BoundBinaryExpression binary:
                builder.Append('(');
                Write(builder, binary.Left);
                builder.Append(' ').Append(Symbol(binary.Operator)).Append(' ');
                Write(builder, binary.Right);
                builder.Append(')');
                break;
            case BoundConditionalExpression conditional:
                builder.Append("if(");
                Write(builder, conditional.Condition);
                builder.Append(")then(");
                Write(builder, conditional.WhenTrue);
                builder.Append(")else(");
                Write(builder, conditional.WhenFalse);
                builder.Append(')');
                break;
            case BoundCallExpression call:
                builder.Append(call.Function.ToString().ToLowerInvariant()).Append('(');
                WriteList(builder, call.Arguments);
                builder.Append(')');
                break;
            case BoundNetCall net:
                builder.Append(net.Net.Name).Append('(');
                Write(builder, net.Input);
                builder.Append(')');
                break;
            case BoundIndexExpression index:
                Write(builder, index.Target);
                builder.Append('[').Append(string.Join(", ", index.Indices)).Append(']');
                break;
            case BoundVectorLiteral vector:
                builder.Append('[');
                WriteList(builder, vector.Elements);
                builder.Append(']');
                break;
            default:
                builder.Append(expression.GetType().Name);
                break;
        }
    }

    private static void WriteList(StringBuilder builder, IReadOnlyList<BoundExpression> items)
    {
        for (var i = 0; i < items.Count; i++)
        {
            if (i > 0)
            {
                builder.Append(", ");
            }

            Write(builder, items[i]);
        }
    }

    private static string Symbol(BoundBinaryOperator op) => op switch
    {
        BoundBinaryOperator.Add => "+",
        BoundBinaryOperator.Subtract => "-",
        BoundBinaryOperator.Multiply => "*",
        BoundBinaryOperator.Divide => "/",
        BoundBinaryOperator.Power => "^",
        BoundBinaryOperator.MatrixMultiply => "@",
        BoundBinaryOperator.Less => "<",
        BoundBinaryOperator.LessOrEqual => "<=",
        BoundBinaryOperator.Greater => ">",
        BoundBinaryOperator.GreaterOrEqual => ">=",
        BoundBinaryOperator.Equal => "==",
        BoundBinaryOperator.NotEqual => "!=",
        BoundBinaryOperator.And => "&",
        _ => "|",
    };
}
