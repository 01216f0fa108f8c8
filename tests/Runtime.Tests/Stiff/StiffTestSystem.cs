using OdeDsl.Runtime.Systems;
using TorchSharp;

namespace OdeDsl.Runtime.Tests.Stiff;

/// <summary>
/// A hand-written stiff test problem in double precision with its exact Jacobian, as the generator
/// would emit it. <see cref="ProvidesJacobian"/> = false hides the Jacobian, so the solvers must fall
/// back to finite differences (module-based dynamics). Counts Jacobian calls.
/// </summary>
public abstract class StiffTestSystem : IOdeSystem
{
    public abstract string Name { get; }

    public abstract IReadOnlyList<string> StateNames { get; }

    public virtual IReadOnlyList<string> ParameterNames => [];

    public bool ProvidesJacobian { get; init; } = true;

    public int JacobianCalls { get; private set; }

    public virtual void GetDefaultParameters(Span<double> parameters)
    {
    }

    public abstract void GetInitialState(ReadOnlySpan<double> parameters, Span<double> state);

    protected abstract void Evaluate(double t, ReadOnlySpan<double> y, Span<double> dy);

    /// <summary>Writes the row-major <c>n×n</c> Jacobian of one trajectory (the span arrives zeroed).</summary>
    protected abstract void EvaluateJacobian(double t, ReadOnlySpan<double> y, Span<double> jacobian);

    void IOdeKernel<double>.Derivative(double t, ReadOnlySpan<double> states, ReadOnlySpan<double> parameters,
        Span<double> derivatives)
    {
        var n = StateNames.Count;
        for (var offset = 0; offset < states.Length; offset += n)
            Evaluate(t, states.Slice(offset, n), derivatives.Slice(offset, n));
    }

    void IOdeKernel<double>.Jacobian(double t, ReadOnlySpan<double> states, ReadOnlySpan<double> parameters,
        Span<double> jacobian)
    {
        if (!ProvidesJacobian)
            throw new NotSupportedException($"{Name} provides no Jacobian.");
        JacobianCalls++;
        var n = StateNames.Count;
        jacobian.Clear();
        for (var b = 0; b < states.Length / n; b++)
            EvaluateJacobian(t, states.Slice(b * n, n), jacobian.Slice(b * n * n, n * n));
    }

    void IOdeKernel<float>.Derivative(float t, ReadOnlySpan<float> states, ReadOnlySpan<float> parameters,
        Span<float> derivatives) => throw new NotSupportedException("the stiff test problems are double only");

    public torch.Tensor Derivative(torch.Tensor t, torch.Tensor states, torch.Tensor parameters) =>
        throw new NotSupportedException("the stiff test problems have no tensor kernel");
}
