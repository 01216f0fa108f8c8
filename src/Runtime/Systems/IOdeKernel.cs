using System.Numerics;

namespace OdeDsl.Runtime.Systems;

/// <summary>
/// The CPU kernels of a system for one floating-point type. Storage is row-major and batched:
/// <c>states</c> and <c>derivatives</c> are <c>[B, n]</c>, <c>parameters</c> is <c>[p]</c> and
/// shared by all <c>B</c> trajectories. Kernels overwrite their outputs and never allocate.
/// Generated systems implement this for <see cref="double"/> and <see cref="float"/>.
/// </summary>
public interface IOdeKernel<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary><c>derivatives[b] = f(t, states[b], parameters)</c> for every trajectory <c>b</c>.</summary>
    void Derivative(T t, ReadOnlySpan<T> states, ReadOnlySpan<T> parameters, Span<T> derivatives);

    /// <summary>
    /// Vector–Jacobian products for a cotangent <c>a</c> (<c>[B, n]</c>):
    /// <c>stateCotangent[b] = a[b]ᵀ ∂f/∂z</c> (<c>[B, n]</c>),
    /// <c>parameterCotangent[b] = a[b]ᵀ ∂f/∂θ</c> (<c>[B, p]</c>, one row per trajectory),
    /// <c>timeCotangent[b] = a[b]ᵀ ∂f/∂t</c> (<c>[B]</c>).
    /// </summary>
    void Vjp(T t, ReadOnlySpan<T> states, ReadOnlySpan<T> parameters, ReadOnlySpan<T> cotangent,
             Span<T> stateCotangent, Span<T> parameterCotangent, Span<T> timeCotangent) =>
        throw new NotSupportedException($"{GetType().Name} provides no vector–Jacobian product.");

    /// <summary>The dense Jacobian <c>jacobian[b, i, j] = ∂f_i/∂z_j</c> (<c>[B, n, n]</c>).</summary>
    void Jacobian(T t, ReadOnlySpan<T> states, ReadOnlySpan<T> parameters, Span<T> jacobian) =>
        throw new NotSupportedException($"{GetType().Name} provides no Jacobian.");
}
