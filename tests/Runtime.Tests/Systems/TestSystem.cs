using System.Numerics;
using OdeDsl.Runtime.Systems;
using TorchSharp;

namespace OdeDsl.Runtime.Tests.Systems;

/// <summary>
/// Base of the hand-written test systems: one generic per-trajectory right-hand side serves both
/// CPU kernels; subclasses add the tensor kernel. Counts kernel calls so tests can check the
/// solver's own function-evaluation count.
/// </summary>
public abstract class TestSystem : IOdeSystem
{
    public abstract string Name { get; }

    public abstract IReadOnlyList<string> StateNames { get; }

    public virtual IReadOnlyList<string> ParameterNames => [];

    /// <summary>Kernel calls so far (CPU and tensor).</summary>
    public int Calls { get; private set; }

    public virtual void GetDefaultParameters(Span<double> parameters)
    {
    }

    public abstract void GetInitialState(ReadOnlySpan<double> parameters, Span<double> state);

    protected abstract void Evaluate<T>(T t, ReadOnlySpan<T> state, ReadOnlySpan<T> parameters, Span<T> derivative)
        where T : unmanaged, IFloatingPointIeee754<T>;

    protected abstract torch.Tensor EvaluateBatch(torch.Tensor t, torch.Tensor states, torch.Tensor parameters);

    void IOdeKernel<double>.Derivative(double t, ReadOnlySpan<double> states, ReadOnlySpan<double> parameters,
        Span<double> derivatives) => EvaluateAll(t, states, parameters, derivatives);

    void IOdeKernel<float>.Derivative(float t, ReadOnlySpan<float> states, ReadOnlySpan<float> parameters,
        Span<float> derivatives) => EvaluateAll(t, states, parameters, derivatives);

    public torch.Tensor Derivative(torch.Tensor t, torch.Tensor states, torch.Tensor parameters)
    {
        Calls++;
        using var scope = torch.NewDisposeScope();
        return EvaluateBatch(t, states, parameters).MoveToOuterDisposeScope();
    }

    private void EvaluateAll<T>(T t, ReadOnlySpan<T> states, ReadOnlySpan<T> parameters, Span<T> derivatives)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        Calls++;
        var n = StateNames.Count;
        for (var offset = 0; offset < states.Length; offset += n)
            Evaluate(t, states.Slice(offset, n), parameters, derivatives.Slice(offset, n));
    }

    protected static T Constant<T>(double value) where T : IFloatingPointIeee754<T> => T.CreateTruncating(value);
}
