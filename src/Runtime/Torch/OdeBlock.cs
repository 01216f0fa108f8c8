using OdeDsl.Runtime.Solvers;
using TorchSharp;
using static TorchSharp.torch;

namespace OdeDsl.Runtime.Torch;

/// <summary>
/// A neural-ODE layer: <c>forward(z0)</c> solves <c>dz/dt = f(t, z)</c> from <c>z0</c> (<c>[B, n]</c>) with the
/// runtime's tensor integrator and returns the states at the save times (<c>[S, B, n]</c>; take <c>[^1]</c> for
/// <c>z(T1)</c>). <c>f</c> is any TorchSharp module taking <c>(t, z)</c> with <c>t</c> a scalar tensor; its
/// parameters are the block's, so the block composes with other layers and with TorchSharp optimisers.
/// Gradients come from the adjoint (a custom autograd function) or from backpropagation through a
/// fixed-step solve, as <see cref="OdeBlockOptions.Gradient"/> says.
/// </summary>
public sealed class OdeBlock : nn.Module<Tensor, Tensor>
{
    private readonly nn.Module<Tensor, Tensor, Tensor> dynamics;
    private readonly OdeBlockOptions _options;
    private readonly ModuleTensorKernel _kernel;

    /// <exception cref="ArgumentException">Backpropagation without a step size, or an unknown method.</exception>
    public OdeBlock(string name, nn.Module<Tensor, Tensor, Tensor> dynamics, OdeBlockOptions options) : base(name)
    {
        if (options.Gradient == OdeBlockGradient.Backpropagation && options.Dt is not > 0)
            throw new ArgumentException("backpropagation through the solver uses fixed steps: set OdeBlockOptions.Dt > 0", nameof(options));
        if (!Methods.TryGet(options.Method, out _))
            throw new ArgumentException(Methods.UnknownMethodMessage(options.Method), nameof(options));
        this.dynamics = dynamics;
        _options = options;
        RegisterComponents();
        _kernel = new ModuleTensorKernel(dynamics);
    }

    public OdeBlockOptions Options => _options;

    /// <summary>The dynamics as a tensor kernel whose VJP comes from autograd, for the runtime's gradient methods.</summary>
    public ModuleTensorKernel Kernel => _kernel;

    public override Tensor forward(Tensor initialStates)
    {
        if (_options.Gradient == OdeBlockGradient.Backpropagation)
        {
            return FixedStepSolve.Solve(dynamics.call, initialStates, Methods.Get(_options.Method).Tableau, _options.T0,
                _options.SaveTimes, _options.Dt!.Value);
        }
        object[] inputs = [new OdeBlockFunction.Context(_kernel, _options), initialStates, .. _kernel.Parameters];
        return OdeBlockFunction.apply(inputs)[0];
    }
}
