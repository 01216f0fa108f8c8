namespace OdeDsl.Language.Syntax;

public static class ExpressionSyntaxExtensions
{
    /// <summary>The expression and every expression inside it, parents before children.</summary>
    public static IEnumerable<ExpressionSyntax> DescendantsAndSelf(this ExpressionSyntax expression)
    {
        var pending = new Stack<ExpressionSyntax>();
        pending.Push(expression);
        while (pending.Count > 0)
        {
            var node = pending.Pop();
            yield return node;
            foreach (var child in Children(node).Reverse())
            {
                pending.Push(child);
            }
        }
    }

    private static IEnumerable<ExpressionSyntax> Children(ExpressionSyntax expression) => expression switch
    {
        UnaryExpressionSyntax unary => [unary.Operand],
        BinaryExpressionSyntax binary => [binary.Left, binary.Right],
        ConditionalExpressionSyntax conditional => [conditional.Condition, conditional.WhenTrue, conditional.WhenFalse],
        CallExpressionSyntax call => call.Arguments,
        IndexExpressionSyntax index => index.Indices.Prepend(index.Target),
        VectorLiteralSyntax vector => vector.Elements,
        _ => [],
    };
}
