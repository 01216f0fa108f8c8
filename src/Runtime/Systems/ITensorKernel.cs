using TorchSharp;
using static TorchSharp.torch;

namespace OdeDsl.Runtime.Systems;

/// <summary>
/// The same computation as <see cref="IOdeKernel{T}"/> as TorchSharp operations over a batch:
/// <c>states</c> is <c>[B, n]</c>, <c>parameters</c> is <c>[p]</c>, <c>t</c> a scalar tensor, all on
/// one device and of one dtype. Returns new tensors; the caller owns and disposes them.
/// </summary>
public interface ITensorKernel
{
    /// <summary><c>f(t, states, parameters)</c> as a <c>[B, n]</c> tensor.</summary>
    Tensor Derivative(Tensor t, Tensor states, Tensor parameters);

    /// <summary>
    /// <c>(aᵀ ∂f/∂z [B, n], aᵀ ∂f/∂θ [B, p], aᵀ ∂f/∂t [B])</c> for a cotangent <c>a</c> of shape <c>[B, n]</c>.
    /// </summary>
    (Tensor State, Tensor Parameters, Tensor Time) Vjp(Tensor t, Tensor states, Tensor parameters, Tensor cotangent) =>
        throw new NotSupportedException($"{GetType().Name} provides no tensor vector–Jacobian product.");

    /// <summary>The dense Jacobian <c>∂f_i/∂z_j</c> as a <c>[B, n, n]</c> tensor.</summary>
    Tensor Jacobian(Tensor t, Tensor states, Tensor parameters) =>
        throw new NotSupportedException($"{GetType().Name} provides no tensor Jacobian.");
}
