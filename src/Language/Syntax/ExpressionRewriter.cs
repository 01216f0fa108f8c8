namespace OdeDsl.Language.Syntax;

/// <summary>Rebuilds an expression bottom-up, letting <c>replace</c> swap any node for another.</summary>
internal static class ExpressionRewriter
{
    public static ExpressionSyntax Rewrite(ExpressionSyntax expression, Func<ExpressionSyntax, ExpressionSyntax?> replace)
    {
        var replaced = replace(expression);
        if (replaced is not null)
        {
            return replaced;
        }

        return expression switch
        {
            UnaryExpressionSyntax unary => unary with { Operand = Rewrite(unary.Operand, replace) },
            BinaryExpressionSyntax binary => binary with { Left = Rewrite(binary.Left, replace), Right = Rewrite(binary.Right, replace) },
            ConditionalExpressionSyntax conditional => conditional with
            {
                Condition = Rewrite(conditional.Condition, replace),
                WhenTrue = Rewrite(conditional.WhenTrue, replace),
                WhenFalse = Rewrite(conditional.WhenFalse, replace),
            },
            CallExpressionSyntax call => call with { Arguments = [.. call.Arguments.Select(a => Rewrite(a, replace))] },
            IndexExpressionSyntax index => index with
            {
                Target = Rewrite(index.Target, replace),
                Indices = [.. index.Indices.Select(i => Rewrite(i, replace))],
            },
            VectorLiteralSyntax vector => vector with { Elements = [.. vector.Elements.Select(e => Rewrite(e, replace))] },
            _ => expression,
        };
    }
}
