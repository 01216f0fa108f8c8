using System.Collections.Immutable;
using OdeDsl.Language.Diagnostics;
using OdeDsl.Language.Syntax;

namespace OdeDsl.Language.Binding;

/// <summary>Binding states and what is computed from them: equations, aux outputs, observations; and networks.</summary>
public sealed partial class Binder
{
    private static readonly ImmutableDictionary<string, Activation> Activations = new Dictionary<string, Activation>(StringComparer.Ordinal)
    {
        ["tanh"] = Activation.Tanh,
        ["relu"] = Activation.Relu,
        ["softplus"] = Activation.Softplus,
        ["sigmoid"] = Activation.Sigmoid,
        ["elu"] = Activation.Elu,
        ["identity"] = Activation.Identity,
    }.ToImmutableDictionary(StringComparer.Ordinal);

    /// <summary>The last initial value written for each state (`init`, `x(0)=`), as in XPPAUT; a `state z = ...` line counts only when neither is given.</summary>
    private Dictionary<string, ExpressionSyntax> initialValuesByState = new(StringComparer.Ordinal);

    private ImmutableArray<StateSymbol> BindStates()
    {
        CheckInitialValueTargets();
        initialValuesByState = initialValues
            .GroupBy(i => i.Name.Name, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Last().Value, StringComparer.Ordinal);
        var states = ImmutableArray.CreateBuilder<StateSymbol>();
        var offset = 0;
        foreach (var declaration in stateDeclarations)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var state = BindState(declaration, offset);
            symbols[state.Name] = state;
            states.Add(state);
            offset += state.Shape.Size;
        }

        return states.ToImmutable();
    }

    private StateSymbol BindState(StateDeclaration declaration, int offset)
    {
        var name = declaration.Name;
        var shape = declaration.Declaration is { } stateSyntax ? DeclaredShape(stateSyntax.Target) : Shape.Scalar;
        if (shape.IsMatrix)
        {
            diagnostics.Report(DiagnosticDescriptors.InvalidStateShape, declaration.Declaration!.Target.Span, name, shape);
            shape = Shape.Vector(shape.Size);
        }

        if (declaration.Equation is null)
        {
            diagnostics.Report(DiagnosticDescriptors.StateWithoutEquation, declaration.Span, name);
        }

        // Later initial values win, as in XPPAUT; `learn x(0) = v` counts as one.
        var context = BindingContext.For(DependencyLevel.PerSolve, "the initial value of", name);
        var initialSyntax = initialValuesByState.TryGetValue(name, out var written) ? written : declaration.Declaration?.InitialValue;

        var learned = learnedInitialValues.LastOrDefault(l => l.Target.Name.Name == name);
        if (learned?.Value is { } learnedValue)
        {
            initialSyntax = learnedValue;
        }

        var constraint = learned is null ? ParameterConstraint.None : BindConstraint(learned.Constraint, name + "(0)");
        BoundExpression initial = initialSyntax is null
            ? new BoundLiteral(learned is null ? 0 : DefaultStartingValue(constraint), declaration.Span)
            : BindExpression(initialSyntax, context);
        initial = Fill(initial, shape, initialSyntax?.Span ?? declaration.Span, name);
        if (learned is not null)
        {
            CheckStartingValue(initial, constraint, learned.Value?.Span ?? learned.Target.Span, name + "(0)");
        }

        var augmented = AugmentedDimensions(name, shape);
        if (augmented > 0 && initial is not BoundErrorExpression)
        {
            var elements = Enumerable.Range(0, shape.Rows)
                .Select(i => initial is BoundVectorLiteral literal ? literal.Elements[i] : new BoundIndexExpression(initial, [i], Shape.Scalar, initial.Span))
                .Concat(Enumerable.Repeat<BoundExpression>(new BoundLiteral(0, initial.Span), augmented));
            shape = Shape.Vector(shape.Rows + augmented);
            initial = new BoundVectorLiteral([.. elements], shape, initial.Span);
        }

        var learnedInitial = learned is null ? null : new LearnedInitialValue(constraint, learned.Span);
        return new StateSymbol(name, shape, declaration.Span, offset, initial, augmented, learnedInitial);
    }

    /// <summary>`init`, `x(0)=` and `learn x(0)` must name a state.</summary>
    private void CheckInitialValueTargets()
    {
        var targets = initialValues.Select(i => i.Name).Concat(learnedInitialValues.Select(l => l.Target.Name));
        foreach (var target in targets)
        {
            if (!names.TryGetValue(target.Name, out var entry))
            {
                diagnostics.Report(DiagnosticDescriptors.StateWithoutEquation, target.Span, target.Name);
            }
            else if (entry.Kind != NameKind.State)
            {
                diagnostics.Report(DiagnosticDescriptors.InitialValueOfNonState, target.Span, target.Name, entry.Description);
            }
        }
    }

    private int AugmentedDimensions(string name, Shape shape)
    {
        var total = 0;
        foreach (var augment in augments.Where(a => a.State.Name == name))
        {
            var count = augment.Count.Value;
            if (!shape.IsVector)
            {
                diagnostics.Report(DiagnosticDescriptors.InvalidAugment, augment.State.Span, $"'{name}' is a scalar state; augment a vector state declared with 'state {name}[n]'");
            }
            else if (count != Math.Floor(count) || count < 1 || count > MaxDimension)
            {
                diagnostics.Report(DiagnosticDescriptors.InvalidAugment, augment.Count.Span, $"'augment {name} by {augment.Count.Text}' needs a positive whole number of dimensions");
            }
            else
            {
                total += (int)count;
            }
        }

        return total;
    }

    private void CheckAugmentTargets()
    {
        foreach (var augment in augments)
        {
            if (!names.TryGetValue(augment.State.Name, out var entry))
            {
                ReportUndefined(augment.State, BindingContext.For(DependencyLevel.PerStep, "augment", augment.State.Name));
            }
            else if (entry.Kind != NameKind.State)
            {
                diagnostics.Report(DiagnosticDescriptors.InvalidAugment, augment.State.Span, $"'{augment.State.Name}' is {entry.Description}; only a vector state can be augmented");
            }
        }
    }

    private ImmutableArray<BoundEquation> BindEquations(ImmutableArray<StateSymbol> states)
    {
        CheckAugmentTargets();
        var equations = ImmutableArray.CreateBuilder<BoundEquation>();
        foreach (var state in states)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var syntax = stateDeclarationsByName[state.Name].Equation;
            if (syntax is null)
            {
                continue;
            }

            var value = BindExpression(syntax.Value, BindingContext.For(DependencyLevel.PerStep, "equation", state.Name + "'"));
            if (value is not BoundErrorExpression && value.Shape != state.Shape && !value.Shape.IsScalar)
            {
                diagnostics.Report(DiagnosticDescriptors.ShapeMismatch, syntax.Value.Span, $"the right-hand side of {state.Name}' is {value.Shape}, but '{state.Name}' is {state.Shape}");
                continue;
            }

            equations.Add(new BoundEquation(state, Fill(value, state.Shape, syntax.Value.Span, state.Name), syntax.Span));
        }

        return equations.ToImmutable();
    }

    private ImmutableArray<AuxiliarySymbol> BindAuxiliaries()
    {
        var auxiliaries = ImmutableArray.CreateBuilder<AuxiliarySymbol>();
        foreach (var name in declarationOrder.Where(n => names[n].Kind == NameKind.Auxiliary))
        {
            var entry = names[name];
            var syntax = (QuantityDefinitionSyntax)entry.Syntax!;
            var value = BindDeclaredValue(syntax, BindingContext.For(DependencyLevel.PerStep, "aux output", name));
            auxiliaries.Add(new AuxiliarySymbol(name, value.Shape, entry.Span, value));
        }

        return auxiliaries.ToImmutable();
    }

    private ImmutableArray<ObservationSymbol> BindObservations()
    {
        var observations = ImmutableArray.CreateBuilder<ObservationSymbol>();
        foreach (var observe in observeDeclarations.Values.OrderBy(o => o.Span.Start))
        {
            var value = BindExpression(observe.Value, BindingContext.For(DependencyLevel.PerStep, "observation", observe.Name.Name));
            var distribution = ObservationDistribution.Normal;
            if (observe.Distribution is { } written)
            {
                switch (written.Name)
                {
                    case "normal":
                        break;
                    case "lognormal":
                        distribution = ObservationDistribution.LogNormal;
                        break;
                    default:
                        diagnostics.Report(DiagnosticDescriptors.UnknownDistribution, written.Span, written.Name);
                        break;
                }
            }

            observations.Add(new ObservationSymbol(observe.Name.Name, value.Shape, observe.Name.Span, value, distribution));
        }

        return observations.ToImmutable();
    }

    private ImmutableArray<NetSymbol> BindNets()
    {
        var nets = ImmutableArray.CreateBuilder<NetSymbol>();
        foreach (var name in declarationOrder.Where(n => names[n].Kind == NameKind.Net))
        {
            var entry = names[name];
            var net = BindNet((NetDeclarationSyntax)entry.Syntax!);
            symbols[name] = net;
            nets.Add(net);
        }

        return nets.ToImmutable();
    }

    private NetSymbol BindNet(NetDeclarationSyntax syntax)
    {
        var name = syntax.Name.Name;
        if (syntax.Architecture.Name != "mlp")
        {
            diagnostics.Report(DiagnosticDescriptors.InvalidNetDeclaration, syntax.Architecture.Span, $"'{syntax.Architecture.Name}' is not a known network kind; use mlp(widths..., act=tanh)");
        }

        var widths = ImmutableArray.CreateBuilder<int>();
        var context = BindingContext.For(DependencyLevel.Constant, "network", name);
        foreach (var width in syntax.Widths)
        {
            var value = constants.Evaluate(BindExpression(width, context));
            if (value is not { } v || v != Math.Floor(v) || v < 1 || v > MaxDimension)
            {
                diagnostics.Report(DiagnosticDescriptors.InvalidNetDeclaration, width.Span, $"a layer width of '{name}' must be a positive whole number of at most {MaxDimension}");
                widths.Add(1);
            }
            else
            {
                widths.Add((int)v);
            }
        }

        if (widths.Count < 2)
        {
            diagnostics.Report(DiagnosticDescriptors.InvalidNetDeclaration, syntax.Span, $"'{name}' needs at least an input and an output width, as in mlp(2, 50, 2)");
            while (widths.Count < 2)
            {
                widths.Add(1);
            }
        }

        var activation = Activation.Tanh;
        var bias = true;
        foreach (var option in syntax.Options)
        {
            switch (option.Name.Name)
            {
                case "act" when option.Value is NameSyntax act && Activations.TryGetValue(act.Name, out var found):
                    activation = found;
                    break;
                case "act":
                    diagnostics.Report(DiagnosticDescriptors.InvalidNetDeclaration, option.Value.Span, $"the activation of '{name}' must be one of {string.Join(", ", Activations.Keys.OrderBy(k => k, StringComparer.Ordinal))}");
                    break;
                case "bias" when option.Value is NameSyntax { Name: "true" or "false" } flag:
                    bias = flag.Name == "true";
                    break;
                case "bias" when option.Value is NumberLiteralSyntax { Value: 0 or 1 } number:
                    bias = number.Value == 1;
                    break;
                case "bias":
                    diagnostics.Report(DiagnosticDescriptors.InvalidNetDeclaration, option.Value.Span, $"bias of '{name}' must be true or false");
                    break;
                default:
                    diagnostics.Report(DiagnosticDescriptors.InvalidNetDeclaration, option.Name.Span, $"'{option.Name.Name}' is not an option of mlp; use act=... or bias=...");
                    break;
            }
        }

        return new NetSymbol(name, syntax.Name.Span, widths.ToImmutable(), activation, bias);
    }

    /// <summary>Binds every user function's body once on its own, so mistakes in functions no one calls are reported too.</summary>
    private void CheckFunctionBodies()
    {
        foreach (var function in functions.Values)
        {
            var arguments = function.Parameters
                .GroupBy(p => p.Name)
                .ToImmutableDictionary(g => g.Key, g => (BoundExpression)new BoundFunctionParameter(g.Key, g.First().Span), StringComparer.Ordinal);
            var context = BindingContext.For(DependencyLevel.PerStep, "function", function.Name.Name) with
            {
                Arguments = arguments,
                Expanding = ImmutableStack.Create(function.Name.Name),
            };
            BindExpression(function.Body, context);
        }
    }
}
