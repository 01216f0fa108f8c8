namespace OdeDsl.Generator.Model;

/// <summary>
/// Everything the emitter needs to write one system, as strings, numbers and equatable arrays only:
/// this is the generator's cache key, so it holds no symbols, syntax nodes or locations.
/// <see cref="Inputs"/> names the model's <c>input</c> declarations: each has a slot in θ, the last
/// <c>Inputs.Count</c> entries of <see cref="Parameters"/>, which the runtime fills from the data.
/// </summary>
public sealed record SystemSpec(
    string Name,
    string SourceFileName,
    EquatableArray<VariableSpec> States,
    EquatableArray<VariableSpec> Parameters,
    EquatableArray<double> DefaultParameters,
    EquatableArray<OutputSpec> Outputs,
    EquatableArray<SolverOptionSpec> Options,
    KernelSpec InitialState,
    KernelSpec Derivative,
    KernelSpec Vjp,
    KernelSpec Jacobian,
    KernelSpec OutputValues,
    KernelSpec OutputVjp,
    EquatableArray<string> Inputs = default);
