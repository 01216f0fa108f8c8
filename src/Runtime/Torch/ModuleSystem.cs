using System.Numerics;
using OdeDsl.Runtime.Systems;
using TorchSharp;
using static TorchSharp.torch;

namespace OdeDsl.Runtime.Torch;

/// <summary>
/// Base of the systems the ODE block hands to <see cref="Solvers.Integrator"/>: tensor kernels only, no
/// parameters of their own (the module holds them), and CPU kernels that say why they are absent.
/// </summary>
internal abstract class ModuleSystem(int stateCount, int parameterCount = 0) : IOdeSystem
{
    public string Name => "OdeBlock";

    public IReadOnlyList<string> StateNames { get; } = [.. Enumerable.Range(0, stateCount).Select(i => $"z[{i}]")];

    public IReadOnlyList<string> ParameterNames { get; } = [.. Enumerable.Range(0, parameterCount).Select(k => $"θ[{k}]")];

    public void GetDefaultParameters(Span<double> parameters)
    {
    }

    public void GetInitialState(ReadOnlySpan<double> parameters, Span<double> state) =>
        throw new NotSupportedException("an ODE block takes its initial state from its input");

    public abstract Tensor Derivative(Tensor t, Tensor states, Tensor parameters);

    void IOdeKernel<double>.Derivative(double t, ReadOnlySpan<double> states, ReadOnlySpan<double> parameters, Span<double> derivatives) =>
        throw CpuKernelMissing();

    void IOdeKernel<float>.Derivative(float t, ReadOnlySpan<float> states, ReadOnlySpan<float> parameters, Span<float> derivatives) =>
        throw CpuKernelMissing();

    private static NotSupportedException CpuKernelMissing() =>
        new("a TorchSharp module's dynamics run on the tensor backend only; solve with tensors");
}
