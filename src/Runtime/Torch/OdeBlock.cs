using OdeDsl.Runtime.Solvers;
using TorchSharp;
using static TorchSharp.torch;

namespace OdeDsl.Runtime.Torch;

/// <summary>
/// A neural-ODE layer: <c>forward(z0)</c> solves <c>dz/dt = f(t, z)</c> from <c>z0</c> (<c>[B, …]</c>: rows
/// <c>[B, n]</c>, or feature maps <c>[B, C, H, W]</c> for convolutional dynamics) with the runtime's tensor
/// integrator and returns the states at the save times (<c>[S, B, …]</c>; take <c>[^1]</c> for <c>z(T1)</c>).
/// <c>f</c> is any TorchSharp module taking <c>(t, z)</c> with <c>t</c> a scalar tensor and <c>z</c> shaped like
/// <c>z0</c>; its parameters are the block's, so the block composes with other layers and with TorchSharp
/// optimisers. Gradients come from an adjoint (a custom autograd function) or from backpropagation through the
/// solver, as <see cref="OdeBlockOptions.Gradient"/> says. <see cref="Stats"/> holds the latest passes' NFE.
/// </summary>
public sealed class OdeBlock : nn.Module<Tensor, Tensor>
{
    private readonly nn.Module<Tensor, Tensor, Tensor> dynamics;
    private readonly OdeBlockOptions _options;
    private readonly ModuleTensorKernel _kernel;
    private ShapedKernel? _shaped;

    /// <summary>The dynamics for one per-trajectory state shape, as the integrator's <c>[B, n]</c> rows see them.</summary>
    private sealed record ShapedKernel(long[] StateShape, nn.Module<Tensor, Tensor, Tensor> Dynamics, ModuleTensorKernel Kernel);

    /// <exception cref="ArgumentException">Backpropagation through a fixed-step method without a step size, or an unknown method.</exception>
    public OdeBlock(string name, nn.Module<Tensor, Tensor, Tensor> dynamics, OdeBlockOptions options) : base(name)
    {
        if (!Methods.TryGet(options.Method, out var method))
            throw new ArgumentException(Methods.UnknownMethodMessage(options.Method), nameof(options));
        if (options.Gradient == OdeBlockGradient.Backpropagation && !method.IsAdaptive && options.Dt is not > 0)
            throw new ArgumentException(
                $"backpropagation through {options.Method}, a fixed-step method, needs a step size: set OdeBlockOptions.Dt > 0", nameof(options));
        this.dynamics = dynamics;
        _options = options;
        RegisterComponents();
        _kernel = new ModuleTensorKernel(dynamics);
    }

    public OdeBlockOptions Options => _options;

    /// <summary>The dynamics on <c>[B, n]</c> rows as a tensor kernel whose VJP comes from autograd, for the runtime's gradient methods.</summary>
    public ModuleTensorKernel Kernel => _kernel;

    /// <summary>Function evaluations of the latest forward pass and of the latest backward pass through it.</summary>
    public OdeBlockStats Stats { get; private set; }

    public override Tensor forward(Tensor initialStates)
    {
        if (initialStates.dim() < 2)
            throw new ArgumentException(
                $"an ODE block's input is a batch [B, …] of states, but has shape {TensorShape.Format(initialStates)}", nameof(initialStates));
        var shaped = KernelFor(initialStates.shape[1..]);
        var rows = initialStates.flatten(1);
        var states = _options.Gradient == OdeBlockGradient.Backpropagation
            ? Backpropagated(shaped, rows)
            : OdeBlockFunction.apply([new OdeBlockFunction.Context(this, shaped.Kernel, _options), rows, .. shaped.Kernel.Parameters])[0];
        return states.view([states.shape[0], .. initialStates.shape]);
    }

    internal void RecordForward(SolverStats forward) => Stats = new OdeBlockStats(forward, 0, 0);

    internal void RecordBackward(int evaluations) => Stats = Stats with { Backward = evaluations };

    /// <summary>
    /// Backpropagation through the solver: a fixed-step solve on the tape, or an adaptive solve without a tape whose
    /// accepted steps are then replayed on it, which gives the gradient of the adaptive solution with its step sizes
    /// held fixed (the discretise-then-optimise gradient; the rejected trial steps do not enter it).
    /// </summary>
    private Tensor Backpropagated(ShapedKernel shaped, Tensor rows)
    {
        var tableau = Methods.Get(_options.Method).Tableau;
        TapedSolve.Result taped;
        SolverStats forward;
        if (_options.Dt is { } dt)
        {
            taped = TapedSolve.Uniform(shaped.Dynamics.call, rows, tableau, _options.T0, _options.SaveTimes, dt);
            forward = new SolverStats(taped.Evaluations, taped.Steps, 0);
            Stats = new OdeBlockStats(forward, taped.Evaluations, taped.Evaluations);
            return taped.States;
        }
        var recorder = new StepStartRecorder();
        var recording = is_grad_enabled();
        using (no_grad())
        {
            using var solution = Integrator.Solve(new ForwardModuleSystem(shaped.Kernel, (int)rows.shape[1]), rows.detach(),
                zeros(0, rows.dtype, rows.device), _options.Forward(_options.T0, _options.T1, _options.SaveTimes), recorder);
            forward = solution.Stats;
            // Without a tape (evaluation) there is nothing to replay: the solve's states are the answer.
            if (!recording)
            {
                Stats = new OdeBlockStats(forward, 0, 0);
                return solution.States!.clone();
            }
        }
        taped = TapedSolve.Replay(shaped.Dynamics.call, rows, tableau, recorder.Starts, _options.T1, _options.SaveTimes);
        Stats = new OdeBlockStats(forward, taped.Evaluations, taped.Evaluations);
        return taped.States;
    }

    private ShapedKernel KernelFor(long[] stateShape)
    {
        if (stateShape.Length == 1)
            return _shaped is { StateShape.Length: 1 } rows ? rows : _shaped = new ShapedKernel(stateShape, dynamics, _kernel);
        if (_shaped is { } cached && cached.StateShape.SequenceEqual(stateShape))
            return cached;
        var flattened = new FlattenedStateDynamics(dynamics, stateShape);
        return _shaped = new ShapedKernel(stateShape, flattened, new ModuleTensorKernel(flattened));
    }
}
