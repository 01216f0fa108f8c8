using System.Collections.Immutable;
using System.Globalization;
using OdeDsl.Language.Diagnostics;
using OdeDsl.Language.Syntax;
using OdeDsl.Language.Text;

namespace OdeDsl.Language.Binding;

/// <summary>Binding the declarations, in an order where everything a value uses is bound before it.</summary>
public sealed partial class Binder
{
    /// <summary>Larger sizes are almost certainly typos and would allocate absurdly later on.</summary>
    private const int MaxDimension = 1_000_000;

    private readonly Dictionary<string, Symbol> symbols = new(StringComparer.Ordinal);
    private readonly ConstantEvaluator constants = new();

    private BoundSystem BindDeclarations(SolverOptions options)
    {
        CheckFunctionRecursion();
        var order = OrderQuantities();

        var numbers = ImmutableArray.CreateBuilder<NumberSymbol>();
        foreach (var name in order.Where(n => names[n].Kind == NameKind.Number))
        {
            numbers.Add(BindNumber(names[name]));
        }

        var parameters = BindParameters();
        var inputs = BindInputs();
        var nets = BindNets();

        var derived = ImmutableArray.CreateBuilder<DerivedSymbol>();
        foreach (var name in order.Where(n => names[n].Kind == NameKind.Derived))
        {
            var entry = names[name];
            var syntax = (QuantityDefinitionSyntax)entry.Syntax!;
            var value = BindDeclaredValue(syntax, BindingContext.For(DependencyLevel.PerSolve, "derived parameter", name));
            var symbol = new DerivedSymbol(name, value.Shape, entry.Span, value);
            symbols[name] = symbol;
            derived.Add(symbol);
        }

        var states = BindStates();

        var fixedQuantities = ImmutableArray.CreateBuilder<FixedSymbol>();
        foreach (var name in order.Where(n => names[n].Kind == NameKind.Fixed))
        {
            var entry = names[name];
            var syntax = (QuantityDefinitionSyntax)entry.Syntax!;
            var value = BindDeclaredValue(syntax, BindingContext.For(DependencyLevel.PerStep, "fixed quantity", name));
            var symbol = new FixedSymbol(name, value.Shape, entry.Span, value);
            symbols[name] = symbol;
            fixedQuantities.Add(symbol);
        }

        var equations = BindEquations(states);
        var auxiliaries = BindAuxiliaries();
        var observations = BindObservations();
        CheckFunctionBodies();

        var systemName = systemDeclaration?.Name.Name ?? SystemNames.FromPath(source.Path);
        return new BoundSystem(
            systemName, source, states, equations, parameters, numbers.ToImmutable(), derived.ToImmutable(), fixedQuantities.ToImmutable(),
            auxiliaries, observations, nets, inputs, options);
    }

    /// <summary>The value of `w = ...`, `!w = ...` or `aux w = ...`; a declared shape (`w[3] = 0`) is filled or checked.</summary>
    private BoundExpression BindDeclaredValue(QuantityDefinitionSyntax syntax, BindingContext context)
    {
        var value = BindExpression(syntax.Value, context);
        return syntax.Target.Dimensions.IsEmpty ? value : Fill(value, DeclaredShape(syntax.Target), syntax.Value.Span, syntax.Target.Name.Name);
    }

    /// <summary>Numbers, derived and fixed quantities in dependency order; cycles are reported here, once.</summary>
    private List<string> OrderQuantities()
    {
        var freeNames = new FreeNames(functions);
        var nodes = declarationOrder.Where(n => names[n].Kind is NameKind.Number or NameKind.Derived or NameKind.Fixed).ToList();
        var edges = new Dictionary<string, List<(string, SourceSpan)>>(StringComparer.Ordinal);
        foreach (var node in nodes)
        {
            var value = names[node].Syntax switch
            {
                DefinitionSyntax definition => definition.Value,
                QuantityDefinitionSyntax quantity => quantity.Value,
                _ => null,
            };
            edges[node] = value is null
                ? []
                : freeNames.Of(value)
                    .Where(r => names.TryGetValue(r.Name, out var target) && target.Kind is NameKind.Number or NameKind.Derived or NameKind.Fixed)
                    .ToList();
        }

        var cycles = new List<DependencyOrder.Cycle>();
        var order = DependencyOrder.Sort(nodes, edges, cycles);
        foreach (var cycle in cycles)
        {
            diagnostics.Report(DiagnosticDescriptors.CircularDefinition, cycle.ClosingReference, cycle.Path[0], string.Join(" -> ", cycle.Path));
        }

        return order;
    }

    private void CheckFunctionRecursion()
    {
        var edges = new Dictionary<string, List<(string, SourceSpan)>>(StringComparer.Ordinal);
        foreach (var function in functions.Values)
        {
            var calls = new List<(string, SourceSpan)>();
            CollectCalls(function.Body, calls);
            edges[function.Name.Name] = calls;
        }

        var cycles = new List<DependencyOrder.Cycle>();
        DependencyOrder.Sort([.. functions.Keys], edges, cycles);
        foreach (var cycle in cycles)
        {
            diagnostics.Report(DiagnosticDescriptors.RecursiveFunction, cycle.ClosingReference, cycle.Path[0], string.Join(" -> ", cycle.Path));
        }
    }

    private void CollectCalls(ExpressionSyntax expression, List<(string, SourceSpan)> calls) =>
        calls.AddRange(expression.DescendantsAndSelf()
            .OfType<CallExpressionSyntax>()
            .Where(call => functions.ContainsKey(call.Function.Name))
            .Select(call => (call.Function.Name, call.Function.Span)));

    private NumberSymbol BindNumber(NameEntry entry)
    {
        var definition = (DefinitionSyntax)entry.Syntax!;
        var shape = DeclaredShape(definition.Target);
        var value = Fill(BindExpression(definition.Value, BindingContext.For(DependencyLevel.Constant, "number", entry.Name)), shape, definition.Value.Span, entry.Name);
        var symbol = new NumberSymbol(entry.Name, shape, entry.Span, value);
        symbols[entry.Name] = symbol;
        constants.Remember(symbol);
        return symbol;
    }

    private ImmutableArray<ParameterSymbol> BindParameters()
    {
        var parameters = ImmutableArray.CreateBuilder<ParameterSymbol>();
        var offset = 0;
        foreach (var name in declarationOrder.Where(n => names[n].Kind == NameKind.Parameter))
        {
            var entry = names[name];
            var symbol = entry.Syntax switch
            {
                DefinitionSyntax definition => BindPar(entry, definition, offset),
                _ => BindLearn(entry, (LearnDeclarationSyntax)entry.Syntax!, offset),
            };
            symbols[name] = symbol;
            parameters.Add(symbol);
            offset += symbol.Shape.Size;
        }

        return parameters.ToImmutable();
    }

    private ParameterSymbol BindPar(NameEntry entry, DefinitionSyntax definition, int offset)
    {
        var shape = DeclaredShape(definition.Target);
        var bound = BindExpression(definition.Value, BindingContext.For(DependencyLevel.Constant, "parameter", entry.Name));
        var value = Fill(bound, shape, definition.Value.Span, entry.Name);
        if (shape.IsScalar && !IsPlainNumber(definition.Value) && constants.Evaluate(bound) is { } evaluated)
        {
            var written = source.Text.Substring(definition.Value.Span.Start, definition.Value.Span.Length);
            diagnostics.Report(DiagnosticDescriptors.ParameterExpression, definition.Value.Span, entry.Name, written, evaluated.ToString("R", CultureInfo.InvariantCulture));
        }

        return new ParameterSymbol(entry.Name, shape, entry.Span, offset, isLearned: false, value, ParameterConstraint.None);
    }

    private static bool IsPlainNumber(ExpressionSyntax value) =>
        value is NumberLiteralSyntax or UnaryExpressionSyntax { Operand: NumberLiteralSyntax };

    private ParameterSymbol BindLearn(NameEntry entry, LearnDeclarationSyntax learn, int offset)
    {
        var shape = DeclaredShape(learn.Target);
        var constraint = BindConstraint(learn.Constraint, entry.Name);
        BoundExpression value = learn.Value is null
            ? new BoundLiteral(DefaultStartingValue(constraint), learn.Target.Span)
            : BindExpression(learn.Value, BindingContext.For(DependencyLevel.Constant, "learned parameter", entry.Name));
        value = Fill(value, shape, learn.Value?.Span ?? learn.Target.Span, entry.Name);
        CheckStartingValue(value, constraint, learn.Value?.Span ?? learn.Target.Span, entry.Name);
        return new ParameterSymbol(entry.Name, shape, entry.Span, offset, isLearned: true, value, constraint);
    }

    /// <summary>Without a value, a learned quantity starts at 0, or inside its constraint (1, or the interval's midpoint).</summary>
    private static double DefaultStartingValue(ParameterConstraint constraint) => constraint.Kind switch
    {
        ParameterConstraintKind.Positive => 1,
        ParameterConstraintKind.Interval => (constraint.Lower + constraint.Upper) / 2,
        _ => 0,
    };

    private ParameterConstraint BindConstraint(ConstraintSyntax? syntax, string owner)
    {
        switch (syntax)
        {
            case PositiveConstraintSyntax:
                return ParameterConstraint.Positive;
            case IntervalConstraintSyntax interval:
                var context = BindingContext.For(DependencyLevel.Constant, "the bounds of", owner);
                var lower = constants.Evaluate(BindExpression(interval.Lower, context));
                var upper = constants.Evaluate(BindExpression(interval.Upper, context));
                if (lower is not { } lo || upper is not { } hi)
                {
                    return ParameterConstraint.None;
                }

                if (!(lo < hi))
                {
                    diagnostics.Report(DiagnosticDescriptors.InvalidConstraint, interval.Span, $"in({Format(lo)}, {Format(hi)}) of '{owner}' is empty; the lower bound must be below the upper bound");
                    return ParameterConstraint.None;
                }

                return ParameterConstraint.Interval(lo, hi);
            default:
                return ParameterConstraint.None;
        }
    }

    private void CheckStartingValue(BoundExpression value, ParameterConstraint constraint, SourceSpan span, string owner)
    {
        if (constraint.Kind == ParameterConstraintKind.None || constants.EvaluateElements(value) is not { } values)
        {
            return;
        }

        foreach (var v in values)
        {
            if (constraint.Kind == ParameterConstraintKind.Positive && !(v > 0))
            {
                diagnostics.Report(DiagnosticDescriptors.InvalidConstraint, span, $"'{owner}' is constrained positive but starts at {Format(v)}; start it above 0");
                return;
            }

            if (constraint.Kind == ParameterConstraintKind.Interval && !(v > constraint.Lower && v < constraint.Upper))
            {
                diagnostics.Report(DiagnosticDescriptors.InvalidConstraint, span, $"'{owner}' starts at {Format(v)}, outside in({Format(constraint.Lower)}, {Format(constraint.Upper)}); start it strictly inside");
                return;
            }
        }
    }

    private static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private ImmutableArray<InputSymbol> BindInputs()
    {
        var inputs = ImmutableArray.CreateBuilder<InputSymbol>();
        foreach (var name in declarationOrder.Where(n => names[n].Kind == NameKind.Input))
        {
            var symbol = new InputSymbol(name, names[name].Span, inputs.Count);
            symbols[name] = symbol;
            inputs.Add(symbol);
        }

        return inputs.ToImmutable();
    }

    /// <summary>The shape a declarator gives: `a` scalar, `z[3]` vector, `A[2,3]` matrix.</summary>
    private Shape DeclaredShape(DeclaratorSyntax target)
    {
        var sizes = new List<int>();
        foreach (var dimension in target.Dimensions)
        {
            var value = dimension.Value;
            if (value != Math.Floor(value) || value < 1 || value > MaxDimension)
            {
                diagnostics.Report(DiagnosticDescriptors.InvalidDimension, dimension.Span, dimension.Text, MaxDimension);
                sizes.Add(1);
            }
            else
            {
                sizes.Add((int)value);
            }
        }

        switch (sizes.Count)
        {
            case 0:
                return Shape.Scalar;
            case 1:
                return Shape.Vector(sizes[0]);
            case 2:
                return Shape.Matrix(sizes[0], sizes[1]);
            default:
                diagnostics.Report(DiagnosticDescriptors.InvalidDimension, target.Dimensions[2].Span, target.Dimensions[2].Text, MaxDimension);
                return Shape.Matrix(sizes[0], sizes[1]);
        }
    }

    /// <summary>
    /// Gives a value the declared shape: a scalar fills a vector or matrix (the same node
    /// repeated); any other mismatch is reported. Later stages can rely on value shape == symbol shape.
    /// </summary>
    private BoundExpression Fill(BoundExpression value, Shape shape, SourceSpan span, string owner)
    {
        if (value is BoundErrorExpression || value.Shape == shape)
        {
            return value;
        }

        if (value.Shape.IsScalar)
        {
            if (shape.IsVector)
            {
                return new BoundVectorLiteral([.. Enumerable.Repeat(value, shape.Rows)], shape, value.Span);
            }

            var row = new BoundVectorLiteral([.. Enumerable.Repeat(value, shape.Columns)], Shape.Vector(shape.Columns), value.Span);
            return new BoundVectorLiteral([.. Enumerable.Repeat<BoundExpression>(row, shape.Rows)], shape, value.Span);
        }

        diagnostics.Report(DiagnosticDescriptors.ShapeMismatch, span, $"the value of '{owner}' is {value.Shape}, but '{owner}' is {shape}");
        return new BoundErrorExpression(span);
    }
}
