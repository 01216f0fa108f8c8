namespace OdeDsl.Runtime.Systems;

/// <summary>
/// The one interface a generated system implements (and tests implement by hand): names and
/// sizes of the flattened state and parameter vectors, their defaults, and the kernels for both
/// backends. A vector state <c>z[3]</c> contributes three entries named <c>z[0]</c>, <c>z[1]</c>, <c>z[2]</c>.
/// </summary>
public interface IOdeSystem : IOdeKernel<double>, IOdeKernel<float>, ITensorKernel
{
    /// <summary>The system's name (the <c>system</c> statement, or the file name in PascalCase).</summary>
    string Name { get; }

    /// <summary>Flattened state names in declaration order; <c>n</c> is their count.</summary>
    IReadOnlyList<string> StateNames { get; }

    /// <summary>Flattened parameter names (θ: <c>par</c>, <c>learn</c>, net weights); <c>p</c> is their count.</summary>
    IReadOnlyList<string> ParameterNames { get; }

    /// <summary>
    /// The model's <c>input</c> quantities (DSL.md §4): entries of θ, named in <see cref="ParameterNames"/>, whose
    /// values the data supply per trajectory (a constant such as a dose, or a covariate over time) and that a fit
    /// never trains. Generated systems put them last in θ; hand-written systems without inputs keep this default.
    /// </summary>
    IReadOnlyList<string> InputNames => [];

    int StateCount => StateNames.Count;

    int ParameterCount => ParameterNames.Count;

    /// <summary>Writes the model's parameter values (<c>[p]</c>).</summary>
    void GetDefaultParameters(Span<double> parameters);

    /// <summary>Writes the initial state (<c>[n]</c>) for the given parameters; initial values may depend on them.</summary>
    void GetInitialState(ReadOnlySpan<double> parameters, Span<double> state);
}
