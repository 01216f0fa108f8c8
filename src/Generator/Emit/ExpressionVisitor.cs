using System.Collections.Generic;
using OdeDsl.Generator.Model;

namespace OdeDsl.Generator.Emit;

/// <summary>Enumerations over the leaves of a <see cref="SpecExpression"/>.</summary>
public static class ExpressionVisitor
{
    /// <summary>Every node of the expression, parents before children.</summary>
    public static IEnumerable<SpecExpression> Nodes(SpecExpression expression)
    {
        var pending = new Stack<SpecExpression>();
        pending.Push(expression);
        while (pending.Count > 0)
        {
            var node = pending.Pop();
            yield return node;
            switch (node)
            {
                case UnaryExpression unary:
                    pending.Push(unary.Operand);
                    break;
                case BinaryExpression binary:
                    pending.Push(binary.Right);
                    pending.Push(binary.Left);
                    break;
                case CallExpression call:
                    for (var i = call.Arguments.Count - 1; i >= 0; i--) pending.Push(call.Arguments[i]);
                    break;
                case ConditionalExpression conditional:
                    pending.Push(conditional.WhenFalse);
                    pending.Push(conditional.WhenTrue);
                    pending.Push(conditional.Condition);
                    break;
            }
        }
    }
}
