using OdeDsl.Runtime.Gradients;
using OdeDsl.Runtime.Solvers;
using static TorchSharp.torch;

namespace OdeDsl.Runtime.Torch;

/// <summary>
/// The ODE block's adjoint as a custom autograd function: inputs <c>(context, z0, θ_1, …, θ_k)</c>, output the
/// states at the save times (<c>[S, B, n]</c>). Forward solves without a tape; backward runs the adjoint
/// backsolve segment by segment, adding each save time's incoming gradient to <c>a</c> (Chen et al. 2018, Alg. 2).
/// </summary>
internal sealed class OdeBlockFunction : autograd.MultiTensorFunction<OdeBlockFunction>
{
    private const string ContextKey = "context";

    public override string Name => nameof(OdeBlockFunction);

    /// <summary>What the function needs besides tensors; passed as the first (non-tensor) input.</summary>
    internal sealed record Context(OdeBlock Block, ModuleTensorKernel Kernel, OdeBlockOptions Options)
    {
        /// <summary>The solution at the last save time, set by forward: where the backward solve starts.</summary>
        public Tensor? Final { get; set; }

        /// <summary>The initial states, set by forward: where the runtime's gradient methods start.</summary>
        public Tensor? Initial { get; set; }
    }

    public override List<Tensor> forward(autograd.AutogradContext ctx, params object[] vars)
    {
        var context = (Context)vars[0];
        var z0 = (Tensor)vars[1];
        var options = context.Options;
        using var solution = Integrator.Solve(new ForwardModuleSystem(context.Kernel, (int)z0.shape[1]), z0,
            zeros(0, z0.dtype, z0.device), options.Forward(options.T0, options.T1, options.SaveTimes));
        context.Block.RecordForward(solution.Stats);
        var states = solution.States!.detach().clone();
        context.Final = states[^1].clone();
        context.Initial = z0.detach().clone();
        ctx.save_data(ContextKey, context);
        return [states];
    }

    public override List<Tensor> backward(autograd.AutogradContext ctx, List<Tensor> gradOutputs)
    {
        var context = (Context)ctx.get_data(ContextKey);
        var options = context.Options;
        var kernel = context.Kernel;
        var incoming = gradOutputs[0];
        var final = context.Final!;
        if (options.Gradient is OdeBlockGradient.CheckpointedAdjoint or OdeBlockGradient.DiscreteAdjoint)
            return RuntimeGradient(context, incoming);
        var (trajectories, n) = ((int)final.shape[0], (int)final.shape[1]);
        var stateValues = trajectories * n;
        var system = new AdjointModuleSystem(kernel, trajectories, n);
        var times = options.SaveTimes;

        var evaluations = 0;
        var augmented = cat([final.flatten(), incoming[^1].flatten(), zeros(kernel.ParameterCount, final.dtype, final.device)]).unsqueeze(0);
        // Integrate back through every interval between save times, then from the first save time to T0.
        for (var i = times.Count - 1; i >= 0; i--)
        {
            var from = times[i];
            var to = i > 0 ? times[i - 1] : options.T0;
            if (from != to)
            {
                using var segment = Integrator.Solve(system, augmented, zeros(0, final.dtype, final.device), options.Backward(from, to));
                augmented = segment.States![^1].clone();
                evaluations += segment.Stats.FunctionEvaluations;
            }
            if (i > 0)
            {
                augmented[0, stateValues..(2 * stateValues)].add_(incoming[i - 1].flatten());
            }
        }

        context.Block.RecordBackward(evaluations);
        var row = augmented[0];
        var gradients = new List<Tensor> { null!, row[stateValues..(2 * stateValues)].view(trajectories, n).clone() };
        var offset = 2 * stateValues;
        foreach (var parameter in kernel.Parameters)
        {
            var size = (int)parameter.numel();
            gradients.Add(row[offset..(offset + size)].view(parameter.shape).clone());
            offset += size;
        }
        return gradients;
    }

    /// <summary>The runtime's checkpointed or discrete adjoint through <see cref="ParameterizedModuleSystem"/>.</summary>
    private static List<Tensor> RuntimeGradient(Context context, Tensor incoming)
    {
        var (kernel, options) = (context.Kernel, context.Options);
        var z0 = context.Initial!;
        var theta = kernel.Parameters.Count == 0
            ? zeros(0, ScalarType.Float64)
            : cat([.. kernel.Parameters.Select(p => p.detach().flatten().to(ScalarType.Float64))]);
        var gradientOptions = new GradientOptions
        {
            Method = options.Gradient == OdeBlockGradient.DiscreteAdjoint ? GradientMethod.Discrete : GradientMethod.Checkpoint,
            Solve = options.Forward(options.T0, options.T1, options.SaveTimes) with { ThrowOnFailure = false },
            BackwardRtol = options.AdjointRtol,
            BackwardAtol = options.AdjointAtol,
        };
        using var result = Gradient.Compute(new ParameterizedModuleSystem(kernel, (int)z0.shape[1]), z0.to(ScalarType.Float64),
            theta, gradientOptions, new IncomingGradientLoss(incoming));
        if (!result.Succeeded)
            throw new SolveException(result.Status, result.Message);
        context.Block.RecordBackward(result.Stats.ForwardEvaluations + result.Stats.BackwardEvaluations);
        var gradients = new List<Tensor> { null!, result.InitialStates.to(z0.dtype).clone() };
        var offset = 0;
        foreach (var parameter in kernel.Parameters)
        {
            var size = (int)parameter.numel();
            gradients.Add(result.Parameters[offset..(offset + size)].view(parameter.shape).to(parameter.dtype).clone());
            offset += size;
        }
        return gradients;
    }
}
