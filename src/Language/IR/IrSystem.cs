using System.Collections.Immutable;

namespace OdeDsl.Language.IR;

/// <summary>
/// A lowered model: flattened states, parameters θ and inputs; initial values; the derivative
/// outputs <c>f(t, z, θ)</c> (one per state, same order); aux and observe outputs; solver options.
/// All nodes come from one <see cref="IrBuilder"/> lineage, so they share subexpressions.
/// </summary>
public sealed record IrSystem(
    string Name,
    ImmutableArray<IrState> States,
    ImmutableArray<IrParameter> Parameters,
    ImmutableArray<string> Inputs,
    ImmutableArray<IrNode> Derivatives,
    ImmutableArray<IrAuxiliary> Auxiliaries,
    ImmutableArray<IrObservation> Observations,
    ImmutableArray<IrNetLayer> NetLayers,
    IrOptions Options)
{
    public int StateCount => States.Length;

    public int ParameterCount => Parameters.Length;

    public ImmutableArray<IrNode> InitialValues => States.Select(state => state.InitialValue).ToImmutableArray();

    /// <summary>Names for printing this system's leaves.</summary>
    public IrNames Names => new(
        States.Select(state => state.Name).ToList(),
        Parameters.Select(parameter => parameter.Name).ToList(),
        Inputs);

    /// <summary>Every output node of the system (for continuing its builder lineage).</summary>
    public IEnumerable<IrNode> Roots =>
        Derivatives
            .Concat(InitialValues)
            .Concat(Auxiliaries.Select(aux => aux.Value))
            .Concat(Observations.Select(observation => observation.Value))
            .Concat(NetLayers.SelectMany(layer => layer.Inputs.Concat(layer.Outputs)));
}
