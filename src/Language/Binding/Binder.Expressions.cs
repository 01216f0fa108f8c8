using System.Collections.Immutable;
using OdeDsl.Language.Diagnostics;
using OdeDsl.Language.Syntax;

namespace OdeDsl.Language.Binding;

/// <summary>Binding expressions: names, operators with their shape rules, conditionals, indexing and vector literals.</summary>
public sealed partial class Binder
{
    private BoundExpression BindExpression(ExpressionSyntax syntax, BindingContext context) => syntax switch
    {
        NumberLiteralSyntax number => new BoundLiteral(number.Value, number.Span),
        NameSyntax name => BindName(name, context),
        UnaryExpressionSyntax unary => BindUnary(unary, context),
        BinaryExpressionSyntax binary => BindBinary(binary, context),
        ConditionalExpressionSyntax conditional => BindConditional(conditional, context),
        CallExpressionSyntax call => BindCall(call, context),
        IndexExpressionSyntax index => BindIndex(index, context),
        VectorLiteralSyntax vector => BindVector(vector, context),
        _ => new BoundErrorExpression(syntax.Span),
    };

    /// <summary>
    /// True for expressions that must not be checked further: errors already reported, and the
    /// parameters of a function body checked on its own, whose shapes only a call decides.
    /// </summary>
    private static bool IsError(BoundExpression expression) => expression is BoundErrorExpression or BoundFunctionParameter;

    private BoundExpression BindName(NameSyntax name, BindingContext context)
    {
        if (context.Arguments.TryGetValue(name.Name, out var argument))
        {
            return argument;
        }

        if (name.Name == "t")
        {
            if (context.Level < DependencyLevel.PerStep)
            {
                ReportLevel(name, context, "time", "t");
                return new BoundErrorExpression(name.Span);
            }

            return new BoundTime(name.Span);
        }

        if (name.Name == "pi")
        {
            return new BoundLiteral(Math.PI, name.Span);
        }

        if (!names.TryGetValue(name.Name, out var entry))
        {
            ReportUndefined(name, context);
            return new BoundErrorExpression(name.Span);
        }

        switch (entry.Kind)
        {
            case NameKind.Function:
                diagnostics.Report(DiagnosticDescriptors.FunctionUsedAsValue, name.Span, name.Name);
                return new BoundErrorExpression(name.Span);
            case NameKind.Net:
                diagnostics.Report(DiagnosticDescriptors.NetUsedAsValue, name.Span, name.Name);
                return new BoundErrorExpression(name.Span);
            case NameKind.Auxiliary:
                diagnostics.Report(
                    DiagnosticDescriptors.InvalidDependency, name.Span, context.OwnerDescription, context.OwnerName, entry.Description, name.Name,
                    "aux outputs are reported, not used; define a fixed quantity (w = ...) and use it in both places");
                return new BoundErrorExpression(name.Span);
        }

        if (LevelOf(entry.Kind) > context.Level)
        {
            ReportLevel(name, context, entry.Description, name.Name);
            return new BoundErrorExpression(name.Span);
        }

        // A quantity in a dependency cycle has no symbol yet; the cycle was reported already.
        return symbols.TryGetValue(name.Name, out var symbol)
            ? new BoundSymbolReference(symbol, name.Span)
            : new BoundErrorExpression(name.Span);
    }

    private static DependencyLevel LevelOf(NameKind kind) => kind switch
    {
        NameKind.Number => DependencyLevel.Constant,
        NameKind.Parameter or NameKind.Derived or NameKind.Input => DependencyLevel.PerSolve,
        _ => DependencyLevel.PerStep,
    };

    private static string DescribeOwner(BindingContext context) => context.OwnerDescription;

    private void ReportLevel(NameSyntax name, BindingContext context, string targetDescription, string targetName)
    {
        var reason = context.Level == DependencyLevel.Constant
            ? "it must be a constant made of numbers (declare constants with 'number')"
            : "it is computed once per solve, before states and time exist";
        diagnostics.Report(DiagnosticDescriptors.InvalidDependency, name.Span, context.OwnerDescription, context.OwnerName, targetDescription, targetName, reason);
    }

    private void ReportUndefined(NameSyntax name, BindingContext context)
    {
        var candidates = names.Values.Where(e => e.Kind is not (NameKind.Function or NameKind.Net)).Select(e => e.Name)
            .Concat(context.Arguments.Keys)
            .Append("t")
            .Append("pi");
        var suggestion = NameSuggester.Suggest(name.Name, candidates);
        var help = suggestion is not null
            ? $"; did you mean '{suggestion}'?"
            : $"; declare it, for example with 'par {name.Name}=0', or define it with '{name.Name} = ...'";
        diagnostics.Report(DiagnosticDescriptors.UndefinedName, name.Span, name.Name, help);
    }

    private BoundExpression BindUnary(UnaryExpressionSyntax unary, BindingContext context)
    {
        var operand = BindExpression(unary.Operand, context);
        if (IsError(operand) || unary.Operator == UnaryOperator.Plus)
        {
            return operand;
        }

        var op = unary.Operator == UnaryOperator.Negate ? BoundUnaryOperator.Negate : BoundUnaryOperator.Not;
        return new BoundUnaryExpression(op, operand, unary.Span);
    }

    private BoundExpression BindBinary(BinaryExpressionSyntax binary, BindingContext context)
    {
        var left = BindExpression(binary.Left, context);
        var right = BindExpression(binary.Right, context);
        if (IsError(left) || IsError(right))
        {
            return new BoundErrorExpression(binary.Span);
        }

        var op = Map(binary.Operator);
        if (op == BoundBinaryOperator.MatrixMultiply)
        {
            return BindMatrixMultiply(left, right, binary);
        }

        var shape = Broadcast(left.Shape, right.Shape);
        if (shape is null)
        {
            diagnostics.Report(DiagnosticDescriptors.ShapeMismatch, binary.Span, $"the operands of '{Spelling(binary.Operator)}' are {left.Shape} and {right.Shape}; elementwise operators need equal shapes or a scalar");
            return new BoundErrorExpression(binary.Span);
        }

        return new BoundBinaryExpression(op, left, right, shape, binary.Span);
    }

    /// <summary>`A @ v` (matrix by vector), `A @ B` (matrix by matrix) and `u @ v` (dot product of vectors).</summary>
    private BoundExpression BindMatrixMultiply(BoundExpression left, BoundExpression right, BinaryExpressionSyntax binary)
    {
        Shape? shape = (left.Shape, right.Shape) switch
        {
            ({ IsMatrix: true } l, { IsVector: true } r) when l.Columns == r.Rows => Shape.Vector(l.Rows),
            ({ IsMatrix: true } l, { IsMatrix: true } r) when l.Columns == r.Rows => Shape.Matrix(l.Rows, r.Columns),
            ({ IsVector: true } l, { IsVector: true } r) when l.Rows == r.Rows => Shape.Scalar,
            _ => null,
        };
        if (shape is null)
        {
            diagnostics.Report(DiagnosticDescriptors.ShapeMismatch, binary.Span, $"'@' cannot multiply {left.Shape} by {right.Shape}; the left side's columns must match the right side's rows");
            return new BoundErrorExpression(binary.Span);
        }

        return new BoundBinaryExpression(BoundBinaryOperator.MatrixMultiply, left, right, shape, binary.Span);
    }

    /// <summary>Elementwise shapes: equal shapes, or a scalar against anything.</summary>
    private static Shape? Broadcast(Shape left, Shape right) =>
        left == right || right.IsScalar ? left : left.IsScalar ? right : null;

    private static BoundBinaryOperator Map(BinaryOperator op) => op switch
    {
        BinaryOperator.Add => BoundBinaryOperator.Add,
        BinaryOperator.Subtract => BoundBinaryOperator.Subtract,
        BinaryOperator.Multiply => BoundBinaryOperator.Multiply,
        BinaryOperator.Divide => BoundBinaryOperator.Divide,
        BinaryOperator.Power => BoundBinaryOperator.Power,
        BinaryOperator.MatrixMultiply => BoundBinaryOperator.MatrixMultiply,
        BinaryOperator.Less => BoundBinaryOperator.Less,
        BinaryOperator.LessOrEqual => BoundBinaryOperator.LessOrEqual,
        BinaryOperator.Greater => BoundBinaryOperator.Greater,
        BinaryOperator.GreaterOrEqual => BoundBinaryOperator.GreaterOrEqual,
        BinaryOperator.Equal => BoundBinaryOperator.Equal,
        BinaryOperator.NotEqual => BoundBinaryOperator.NotEqual,
        BinaryOperator.And => BoundBinaryOperator.And,
        _ => BoundBinaryOperator.Or,
    };

    private static string Spelling(BinaryOperator op) => op switch
    {
        BinaryOperator.Add => "+",
        BinaryOperator.Subtract => "-",
        BinaryOperator.Multiply => "*",
        BinaryOperator.Divide => "/",
        BinaryOperator.Power => "^",
        BinaryOperator.MatrixMultiply => "@",
        BinaryOperator.Less => "<",
        BinaryOperator.LessOrEqual => "<=",
        BinaryOperator.Greater => ">",
        BinaryOperator.GreaterOrEqual => ">=",
        BinaryOperator.Equal => "==",
        BinaryOperator.NotEqual => "!=",
        BinaryOperator.And => "&",
        _ => "|",
    };

    private BoundExpression BindConditional(ConditionalExpressionSyntax conditional, BindingContext context)
    {
        var condition = BindExpression(conditional.Condition, context);
        var whenTrue = BindExpression(conditional.WhenTrue, context);
        var whenFalse = BindExpression(conditional.WhenFalse, context);
        if (IsError(condition) || IsError(whenTrue) || IsError(whenFalse))
        {
            return new BoundErrorExpression(conditional.Span);
        }

        var branches = Broadcast(whenTrue.Shape, whenFalse.Shape);
        var shape = branches is null ? null : Broadcast(condition.Shape, branches);
        if (shape is null)
        {
            diagnostics.Report(DiagnosticDescriptors.ShapeMismatch, conditional.Span, $"the condition and branches are {condition.Shape}, {whenTrue.Shape} and {whenFalse.Shape}; they need equal shapes or scalars");
            return new BoundErrorExpression(conditional.Span);
        }

        return new BoundConditionalExpression(condition, whenTrue, whenFalse, shape, conditional.Span);
    }

    /// <summary>`z[1]`, `A[1, 0]`, `A[1]`: constant 0-based indices, checked against the shape.</summary>
    private BoundExpression BindIndex(IndexExpressionSyntax index, BindingContext context)
    {
        var target = BindExpression(index.Target, context);
        if (IsError(target))
        {
            return target;
        }

        var written = source.Text.Substring(index.Target.Span.Start, index.Target.Span.Length);
        if (target.Shape.IsScalar || index.Indices.Length > target.Shape.Rank)
        {
            diagnostics.Report(DiagnosticDescriptors.NotIndexable, index.Span, written, target.Shape.IsScalar ? "a scalar" : $"{target.Shape} and takes at most {target.Shape.Rank} indices");
            return new BoundErrorExpression(index.Span);
        }

        var values = ImmutableArray.CreateBuilder<int>();
        for (var i = 0; i < index.Indices.Length; i++)
        {
            var syntax = index.Indices[i];
            var value = ConstantIndex(syntax, context);
            if (value is null)
            {
                return new BoundErrorExpression(index.Span);
            }

            var length = i == 0 ? target.Shape.Rows : target.Shape.Columns;
            if (value < 0 || value >= length)
            {
                diagnostics.Report(DiagnosticDescriptors.IndexOutOfRange, syntax.Span, value, $"'{written}', which is {target.Shape}");
                return new BoundErrorExpression(index.Span);
            }

            values.Add(value.Value);
        }

        var shape = target.Shape.IsMatrix && values.Count == 1 ? Shape.Vector(target.Shape.Columns) : Shape.Scalar;
        return new BoundIndexExpression(target, values.ToImmutable(), shape, index.Span);
    }

    private int? ConstantIndex(ExpressionSyntax syntax, BindingContext context)
    {
        var usesNonConstant = new FreeNames(functions).Of(syntax)
            .Any(r => !names.TryGetValue(r.Name, out var entry) || entry.Kind != NameKind.Number);
        var value = usesNonConstant
            ? null
            : constants.Evaluate(BindExpression(syntax, BindingContext.For(DependencyLevel.Constant, "an index in", context.OwnerName)));
        if (value is not { } v || v != Math.Floor(v) || Math.Abs(v) > int.MaxValue)
        {
            var written = source.Text.Substring(syntax.Span.Start, syntax.Span.Length);
            diagnostics.Report(DiagnosticDescriptors.IndexNotConstant, syntax.Span, $"'{written}'");
            return null;
        }

        return (int)v;
    }

    /// <summary>`[a, b]` is a vector of scalars; `[[a, b], [c, d]]` a matrix given by rows of one length.</summary>
    private BoundExpression BindVector(VectorLiteralSyntax vector, BindingContext context)
    {
        var elements = vector.Elements.Select(e => BindExpression(e, context)).ToImmutableArray();
        if (elements.Any(IsError))
        {
            return new BoundErrorExpression(vector.Span);
        }

        if (elements.All(e => e.Shape.IsScalar))
        {
            return new BoundVectorLiteral(elements, Shape.Vector(elements.Length), vector.Span);
        }

        var first = elements[0].Shape;
        if (first.IsVector && elements.All(e => e.Shape == first))
        {
            return new BoundVectorLiteral(elements, Shape.Matrix(elements.Length, first.Rows), vector.Span);
        }

        diagnostics.Report(DiagnosticDescriptors.ShapeMismatch, vector.Span, $"the elements of a vector literal must be all scalars or all vectors of one length (rows of a matrix); here they are {string.Join(", ", elements.Select(e => e.Shape))}");
        return new BoundErrorExpression(vector.Span);
    }
}
