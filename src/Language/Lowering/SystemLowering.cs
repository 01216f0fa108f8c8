using System.Collections.Immutable;
using OdeDsl.Language.Binding;
using OdeDsl.Language.IR;
using OdeDsl.Language.Text;
using BoundConstraint = OdeDsl.Language.Binding.ParameterConstraint;
using IrConstraint = OdeDsl.Language.IR.ParameterConstraint;

namespace OdeDsl.Language.Lowering;

/// <summary>
/// Lowers a <see cref="BoundSystem"/> to an <see cref="IrSystem"/>: flattens states, parameters and
/// outputs to scalars (<c>z[2]</c> → <c>z[0]</c>, <c>z[1]</c>), lays out θ as par/learn elements, then net
/// weights, then learnable initial values, and builds every expression in one <see cref="IrBuilder"/>.
/// <c>number</c> values fold to constants; <c>!derived</c> values become parameter-only nodes that emitters
/// hoist; each fixed quantity and derived parameter is lowered once and shared by all its uses.
/// </summary>
public static class SystemLowering
{
    public static LoweringResult Lower(BoundSystem bound)
    {
        var ir = new IrBuilder();
        var parameters = ImmutableArray.CreateBuilder<IrParameter>();
        var layers = ImmutableArray.CreateBuilder<IrNetLayer>();
        var values = new Dictionary<Symbol, LoweredValue>();
        // θ holds the par/learn elements first, then each net's weights (MlpLowering's layout).
        var netOffsets = new Dictionary<NetSymbol, int>();
        var nextNetOffset = bound.ParameterSize;
        foreach (var net in bound.Nets)
        {
            netOffsets.Add(net, nextNetOffset);
            nextNetOffset += MlpLowering.ParameterCount(net.Widths, net.HasBias);
        }
        ExpressionLowering? expressions = null;

        LoweredValue Resolve(Symbol symbol)
        {
            if (!values.TryGetValue(symbol, out var value))
            {
                value = symbol switch
                {
                    StateSymbol state => Leaves(state.Shape, i => ir.State(state.Offset + i)),
                    ParameterSymbol parameter => Leaves(parameter.Shape, i => ir.Parameter(parameter.Offset + i)),
                    InputSymbol input => LoweredValue.Scalar(ir.Input(input.Index)),
                    NumberSymbol number => expressions!.Lower(number.Value),
                    DerivedSymbol derived => expressions!.Lower(derived.Value),
                    FixedSymbol quantity => expressions!.Lower(quantity.Value),
                    _ => throw new InvalidOperationException($"{symbol.KindDescription} '{symbol.Name}' cannot be used as a value"),
                };
                values.Add(symbol, value);
            }
            return value;
        }

        LoweredValue ApplyNet(NetSymbol net, LoweredValue input)
        {
            var (outputs, netLayers) = MlpLowering.Apply(ir, net.Name, net.Widths, MlpLowering.Operation(net.Activation), net.HasBias, netOffsets[net], input.Elements);
            // A second call on the same input is the same nodes (hash-consing); record its layers once.
            if (!layers.Any(layer => layer.Outputs.SequenceEqual(netLayers[netLayers.Length - 1].Outputs)))
            {
                layers.AddRange(netLayers);
            }
            return new LoweredValue(Shape.Vector(net.OutputSize), outputs);
        }

        expressions = new ExpressionLowering(ir, Resolve, ApplyNet);

        // The binder lists numbers, derived and fixed quantities in dependency order; lowering them
        // in that order means every reference is already resolved, so a chain of 20,000 quantities
        // never recurses.
        foreach (var symbol in bound.Numbers.Cast<Symbol>().Concat(bound.Derived).Concat(bound.FixedQuantities))
        {
            Resolve(symbol);
        }
        var defaults = new List<double>();
        double Default(IrNode node) => IrEvaluator.Evaluate(node, new IrPoint(
            bound.Options.T0 ?? 0, [], defaults, bound.Inputs.Select(_ => 0.0).ToList()));

        // θ, part 1: par and learn elements, in declaration order (their offsets).
        foreach (var parameter in bound.Parameters.OrderBy(parameter => parameter.Offset))
        {
            var value = expressions.Lower(parameter.Value);
            for (var i = 0; i < parameter.Shape.Size; i++)
            {
                parameters.Add(new IrParameter(
                    ElementName(parameter.Name, parameter.Shape, i),
                    Default(value.At(i)),
                    parameter.IsLearned ? ParameterKind.Learned : ParameterKind.Fixed,
                    Constraint(parameter.Constraint)));
                defaults.Add(parameters[parameters.Count - 1].DefaultValue);
            }
        }

        // θ, part 2: net weights, net by net.
        foreach (var net in bound.Nets)
        {
            foreach (var weight in MlpLowering.Parameters(net.Name, net.Widths, net.HasBias))
            {
                parameters.Add(weight);
                defaults.Add(weight.DefaultValue);
            }
        }

        // θ, part 3: learnable initial values; the other initial values stay expressions.
        var states = ImmutableArray.CreateBuilder<IrState>();
        var derivatives = ImmutableArray.CreateBuilder<IrNode>();
        var derivativeSpans = ImmutableArray.CreateBuilder<SourceSpan>();
        var initialValueSpans = ImmutableArray.CreateBuilder<SourceSpan>();
        foreach (var equation in bound.Equations)
        {
            var state = equation.State;
            var initial = expressions.Lower(state.InitialValue);
            var rightHandSide = expressions.Lower(equation.Value);
            var line = equation.Span.Line;
            var text = EquationText(bound.Source, equation.Span);
            for (var i = 0; i < state.Shape.Size; i++)
            {
                var name = ElementName(state.Name, state.Shape, i);
                var initialValue = initial.At(i);
                if (state.LearnedInitialValue is { } learned)
                {
                    parameters.Add(new IrParameter(name + "(0)", Default(initialValue), ParameterKind.InitialValue, Constraint(learned.Constraint)));
                    defaults.Add(parameters[parameters.Count - 1].DefaultValue);
                    initialValue = ir.Parameter(parameters.Count - 1);
                }
                states.Add(new IrState(name, initialValue, line, text));
                derivatives.Add(rightHandSide.At(i));
                derivativeSpans.Add(equation.Span);
                initialValueSpans.Add(state.LearnedInitialValue?.Span ?? state.Span);
            }
        }

        var auxiliaries = ImmutableArray.CreateBuilder<IrAuxiliary>();
        var auxiliarySpans = ImmutableArray.CreateBuilder<SourceSpan>();
        foreach (var aux in bound.Auxiliaries)
        {
            var value = expressions.Lower(aux.Value);
            for (var i = 0; i < aux.Shape.Size; i++)
            {
                auxiliaries.Add(new IrAuxiliary(ElementName(aux.Name, aux.Shape, i), value.At(i)));
                auxiliarySpans.Add(aux.Span);
            }
        }

        var observations = ImmutableArray.CreateBuilder<IrObservation>();
        var observationSpans = ImmutableArray.CreateBuilder<SourceSpan>();
        foreach (var observation in bound.Observations)
        {
            var value = expressions.Lower(observation.Value);
            var noise = observation.Distribution == ObservationDistribution.LogNormal ? ObservationNoise.LogNormal : ObservationNoise.Normal;
            for (var i = 0; i < observation.Shape.Size; i++)
            {
                observations.Add(new IrObservation(ElementName(observation.Name, observation.Shape, i), observation.Name, value.At(i), noise));
                observationSpans.Add(observation.Span);
            }
        }

        var system = new IrSystem(
            bound.Name,
            states.ToImmutable(),
            parameters.ToImmutable(),
            bound.Inputs.OrderBy(input => input.Index).Select(input => input.Name).ToImmutableArray(),
            derivatives.ToImmutable(),
            auxiliaries.ToImmutable(),
            observations.ToImmutable(),
            layers.ToImmutable(),
            Options(bound.Options));
        return new LoweringResult(system, derivativeSpans.ToImmutable(), initialValueSpans.ToImmutable(), auxiliarySpans.ToImmutable(), observationSpans.ToImmutable())
        {
            StepFunctionSpans = expressions.StepFunctionSpans.ToImmutableDictionary(),
        };
    }

    /// <summary>The equation as written (the binder's span covers the whole equation), on one line.</summary>
    private static string EquationText(SourceText source, SourceSpan span)
    {
        var start = Math.Max(0, Math.Min(span.Start, source.Length));
        var length = Math.Max(0, Math.Min(span.Length, source.Length - start));
        var text = source.Text.Substring(start, length);
        return string.Join(" ", text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries).Select(part => part.Trim())).Trim();
    }

    /// <summary>The flattened name of element i: <c>x</c>, <c>z[i]</c>, or <c>A[r,c]</c>.</summary>
    public static string ElementName(string name, Shape shape, int index) => shape.Rank switch
    {
        0 => name,
        1 => $"{name}[{index}]",
        _ => $"{name}[{index / shape.Columns},{index % shape.Columns}]",
    };

    private static LoweredValue Leaves(Shape shape, Func<int, IrNode> leaf) =>
        new(shape, Enumerable.Range(0, shape.Size).Select(leaf).ToImmutableArray());

    private static IrConstraint Constraint(BoundConstraint constraint) => constraint.Kind switch
    {
        ParameterConstraintKind.Positive => IrConstraint.Positive,
        ParameterConstraintKind.Interval => IrConstraint.Interval(constraint.Lower, constraint.Upper),
        _ => IrConstraint.None,
    };

    private static IrOptions Options(SolverOptions options)
    {
        var values = new (string Name, double? Value)[]
        {
            ("total", options.Total), ("dt", options.Dt), ("t0", options.T0), ("trans", options.Transient),
            ("nout", options.Nout), ("tol", options.Rtol), ("atol", options.Atol), ("dtmin", options.DtMin),
            ("dtmax", options.DtMax), ("bound", options.Bound), ("maxstor", options.MaxStored),
        };
        return new IrOptions(
            values.Where(option => option.Value is not null).ToImmutableSortedDictionary(option => option.Name, option => option.Value!.Value),
            options.Method);
    }
}
