using static TorchSharp.torch;

namespace OdeDsl.Runtime.Systems;

/// <summary>
/// The <c>aux</c> and <c>observe</c> outputs of a system, in declaration order: <c>m</c> values per
/// trajectory computed from <c>(t, z, θ)</c>, with their vector–Jacobian product for fitting losses on
/// observations. Storage follows <see cref="IOdeKernel{T}"/>: <c>states</c> <c>[B, n]</c>, <c>outputs</c> <c>[B, m]</c>.
/// </summary>
public interface IOdeOutputs
{
    /// <summary>Output names in declaration order; <c>m</c> is their count.</summary>
    IReadOnlyList<string> OutputNames { get; }

    /// <summary>What each output is, aligned with <see cref="OutputNames"/>.</summary>
    IReadOnlyList<OdeOutputKind> OutputKinds { get; }

    /// <summary><c>outputs[b] = g(t, states[b], parameters)</c> for every trajectory <c>b</c>.</summary>
    void Outputs(double t, ReadOnlySpan<double> states, ReadOnlySpan<double> parameters, Span<double> outputs);

    /// <summary>
    /// For a cotangent <c>c</c> (<c>[B, m]</c>): <c>c[b]ᵀ ∂g/∂z</c> (<c>[B, n]</c>), <c>c[b]ᵀ ∂g/∂θ</c> (<c>[B, p]</c>)
    /// and <c>c[b]ᵀ ∂g/∂t</c> (<c>[B]</c>).
    /// </summary>
    void OutputVjp(double t, ReadOnlySpan<double> states, ReadOnlySpan<double> parameters, ReadOnlySpan<double> cotangent,
                   Span<double> stateCotangent, Span<double> parameterCotangent, Span<double> timeCotangent);

    /// <summary>The outputs as a <c>[B, m]</c> tensor (the tensor backend's <see cref="Outputs(double, ReadOnlySpan{double}, ReadOnlySpan{double}, Span{double})"/>).</summary>
    Tensor Outputs(Tensor t, Tensor states, Tensor parameters) =>
        throw new NotSupportedException($"{GetType().Name} provides no tensor outputs.");

    /// <summary><c>(cᵀ ∂g/∂z [B, n], cᵀ ∂g/∂θ [B, p], cᵀ ∂g/∂t [B])</c> for a cotangent <c>c</c> of shape <c>[B, m]</c>.</summary>
    (Tensor State, Tensor Parameters, Tensor Time) OutputVjp(Tensor t, Tensor states, Tensor parameters, Tensor cotangent) =>
        throw new NotSupportedException($"{GetType().Name} provides no tensor output vector–Jacobian product.");
}

/// <summary>The kind of an output: an <c>aux</c> quantity, or an observation with its noise model.</summary>
public enum OdeOutputKind
{
    Aux,
    /// <summary><c>observe y = … ~ normal</c>: squared residuals.</summary>
    Observation,
    /// <summary><c>observe y = … ~ lognormal</c>: squared residuals of logarithms.</summary>
    LogNormalObservation,
}
