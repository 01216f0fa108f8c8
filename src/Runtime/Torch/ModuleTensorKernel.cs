using OdeDsl.Runtime.Systems;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace OdeDsl.Runtime.Torch;

/// <summary>
/// A TorchSharp module <c>f(t, z)</c> (<c>t</c> a scalar tensor, <c>z</c> <c>[B, n]</c>) as a system with
/// tensor kernels whose VJP comes from <c>torch.autograd.grad</c>. θ is the module's parameters,
/// flattened and concatenated in <c>parameters()</c> order (<see cref="ParameterCount"/> values); the
/// kernels read them from the module, not from the <c>parameters</c> argument.
/// </summary>
public sealed class ModuleTensorKernel : ITensorKernel
{
    private readonly nn.Module<Tensor, Tensor, Tensor> _dynamics;
    private readonly Parameter[] _parameters;

    public ModuleTensorKernel(nn.Module<Tensor, Tensor, Tensor> dynamics)
    {
        _dynamics = dynamics;
        _parameters = [.. dynamics.parameters()];
        ParameterCount = (int)_parameters.Sum(p => p.numel());
    }

    public int ParameterCount { get; }

    internal IReadOnlyList<Parameter> Parameters => _parameters;

    /// <summary><c>f(t, z)</c> without recording a tape.</summary>
    public Tensor Derivative(Tensor t, Tensor states, Tensor parameters)
    {
        using var noGrad = no_grad();
        return _dynamics.call(t, states);
    }

    /// <summary>
    /// The interface's form: <c>aᵀ∂f/∂θ</c> as <c>[B, p]</c> and <c>aᵀ∂f/∂t</c> as <c>[B]</c>. One backward pass gives
    /// only batch totals (splitting them per trajectory would cost <c>B</c> passes), so row 0 holds the totals and
    /// the other rows are zero: sums over the batch, which is how shared parameters are reduced, are exact.
    /// </summary>
    public (Tensor State, Tensor Parameters, Tensor Time) Vjp(Tensor t, Tensor states, Tensor parameters, Tensor cotangent)
    {
        var (f, state, total, time) = Evaluate(t, states, cotangent);
        f.Dispose();
        var perTrajectory = zeros([states.shape[0], ParameterCount], states.dtype, states.device);
        perTrajectory[0].copy_(total);
        total.Dispose();
        var timePerTrajectory = zeros(states.shape[0], states.dtype, states.device);
        timePerTrajectory[0] = time;
        time.Dispose();
        return (state, perTrajectory, timePerTrajectory);
    }

    /// <summary>
    /// <c>f(t, z)</c> and, for cotangent <c>a</c> (<c>[B, n]</c>): <c>aᵀ∂f/∂z</c> (<c>[B, n]</c>),
    /// <c>Σ_b a_bᵀ∂f/∂θ</c> (<c>[p]</c>) and <c>Σ_b a_bᵀ∂f/∂t</c> (a scalar), from one backward pass.
    /// </summary>
    internal (Tensor Derivative, Tensor State, Tensor Parameters, Tensor Time) Evaluate(Tensor t, Tensor states, Tensor cotangent)
    {
        using var scope = NewDisposeScope();
        using var enableGrad = enable_grad();
        var z = states.detach().requires_grad_(true);
        var time = t.detach().requires_grad_(true);
        var f = _dynamics.call(time, z);
        var inputs = new List<Tensor> { z, time };
        inputs.AddRange(_parameters);
        var gradients = autograd.grad([f], inputs, [cotangent], allow_unused: true);
        Tensor OrZeros(int index, Tensor like) =>
            gradients[index] is { IsInvalid: false } gradient ? gradient : zeros_like(like);
        var parameterGradient = _parameters.Length == 0
            ? zeros(0, states.dtype, states.device)
            : cat([.. _parameters.Select((p, k) => OrZeros(k + 2, p).flatten())]);
        return (f.detach().MoveToOuterDisposeScope(), OrZeros(0, z).MoveToOuterDisposeScope(),
            parameterGradient.MoveToOuterDisposeScope(), OrZeros(1, time).MoveToOuterDisposeScope());
    }
}
