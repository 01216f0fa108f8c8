using System.Collections.Immutable;
using OdeDsl.Language.Text;

namespace OdeDsl.Language.Binding;

/// <summary>
/// A bound model: every name resolved, user functions expanded, shapes checked, fixed and
/// derived quantities in dependency order (each may use only those before it). Immutable.
/// </summary>
public sealed class BoundSystem(
    string name,
    SourceText source,
    ImmutableArray<StateSymbol> states,
    ImmutableArray<BoundEquation> equations,
    ImmutableArray<ParameterSymbol> parameters,
    ImmutableArray<NumberSymbol> numbers,
    ImmutableArray<DerivedSymbol> derived,
    ImmutableArray<FixedSymbol> fixedQuantities,
    ImmutableArray<AuxiliarySymbol> auxiliaries,
    ImmutableArray<ObservationSymbol> observations,
    ImmutableArray<NetSymbol> nets,
    ImmutableArray<InputSymbol> inputs,
    SolverOptions options)
{
    /// <summary>`system Name`, or the file name in PascalCase.</summary>
    public string Name { get; } = name;

    public SourceText Source { get; } = source;

    /// <summary>States in declaration order; their <see cref="StateSymbol.Offset"/>s tile the flat state vector.</summary>
    public ImmutableArray<StateSymbol> States { get; } = states;

    /// <summary>One equation per state, in the order of <see cref="States"/>.</summary>
    public ImmutableArray<BoundEquation> Equations { get; } = equations;

    /// <summary>`par` and `learn` parameters in declaration order.</summary>
    public ImmutableArray<ParameterSymbol> Parameters { get; } = parameters;

    /// <summary>`number` constants in dependency order.</summary>
    public ImmutableArray<NumberSymbol> Numbers { get; } = numbers;

    /// <summary>`!name` derived parameters in dependency order.</summary>
    public ImmutableArray<DerivedSymbol> Derived { get; } = derived;

    /// <summary>Fixed quantities in dependency order.</summary>
    public ImmutableArray<FixedSymbol> FixedQuantities { get; } = fixedQuantities;

    public ImmutableArray<AuxiliarySymbol> Auxiliaries { get; } = auxiliaries;

    public ImmutableArray<ObservationSymbol> Observations { get; } = observations;

    public ImmutableArray<NetSymbol> Nets { get; } = nets;

    public ImmutableArray<InputSymbol> Inputs { get; } = inputs;

    public SolverOptions Options { get; } = options;

    /// <summary>The length of the flat state vector.</summary>
    public int StateSize => States.Sum(s => s.Shape.Size);

    /// <summary>The number of par and learn elements (network weights not included).</summary>
    public int ParameterSize => Parameters.Sum(p => p.Shape.Size);
}
