using OdeDsl.Runtime.Systems;
using TorchSharp;
using static TorchSharp.torch;

namespace OdeDsl.Runtime.Gradients;

/// <summary>
/// A system's tensor kernels seen as a double kernel: each call moves the <c>[B, n]</c> batch to the device, runs
/// <see cref="ITensorKernel.Derivative"/> or <see cref="ITensorKernel.Vjp"/> there in float64, and copies the result
/// back. The gradient methods then drive tensor kernels with the same bookkeeping as span kernels.
/// </summary>
internal sealed class TensorKernelAdapter(ITensorKernel kernel, int stateCount, Device device) : IOdeKernel<double>
{
    public void Derivative(double t, ReadOnlySpan<double> states, ReadOnlySpan<double> parameters, Span<double> derivatives)
    {
        using var scope = NewDisposeScope();
        var (time, z, theta) = ToDevice(t, states, parameters);
        CopyBack(kernel.Derivative(time, z, theta), derivatives);
    }

    public void Vjp(double t, ReadOnlySpan<double> states, ReadOnlySpan<double> parameters, ReadOnlySpan<double> cotangent,
        Span<double> stateCotangent, Span<double> parameterCotangent, Span<double> timeCotangent)
    {
        using var scope = NewDisposeScope();
        var (time, z, theta) = ToDevice(t, states, parameters);
        var a = tensor(cotangent.ToArray(), z.shape, ScalarType.Float64, device);
        var (stateResult, parameterResult, timeResult) = kernel.Vjp(time, z, theta, a);
        CopyBack(stateResult, stateCotangent);
        CopyBack(parameterResult, parameterCotangent);
        CopyBack(timeResult, timeCotangent);
    }

    private (Tensor Time, Tensor States, Tensor Parameters) ToDevice(double t, ReadOnlySpan<double> states,
        ReadOnlySpan<double> parameters) =>
        (tensor(t, ScalarType.Float64, device),
            tensor(states.ToArray(), [states.Length / stateCount, stateCount], ScalarType.Float64, device),
            tensor(parameters.ToArray(), [parameters.Length], ScalarType.Float64, device));

    private static void CopyBack(Tensor source, Span<double> target) =>
        source.detach().to(ScalarType.Float64).cpu().reshape(-1).data<double>().CopyTo(target);
}
