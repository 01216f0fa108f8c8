using OdeDsl.Runtime.Gradients;
using OdeDsl.Runtime.Solvers;
using OdeDsl.Runtime.Systems;
using static TorchSharp.torch;

namespace OdeDsl.Runtime.Torch;

/// <summary>
/// A span-backend solve as a custom autograd function: inputs <c>(context, z0 [B, n], θ [p])</c>, output the states at
/// the save times (<c>[S, B, n]</c>, float64). Backward hands the incoming gradient to <see cref="Gradient.Compute(IOdeSystem, ReadOnlySpan{double}, ReadOnlySpan{double}, GradientOptions, IObservationLoss)"/>
/// as a linear loss, which returns exactly the vector–Jacobian products for <c>z0</c> and θ.
/// </summary>
internal sealed class SystemBlockFunction : autograd.MultiTensorFunction<SystemBlockFunction>
{
    private const string ContextKey = "context";

    public override string Name => nameof(SystemBlockFunction);

    /// <summary>The system and the solve; the forward pass keeps its inputs here for the backward one.</summary>
    internal sealed record Context(IOdeSystem System, GradientOptions Options)
    {
        public double[] InitialStates { get; set; } = [];

        public double[] Parameters { get; set; } = [];
    }

    public override List<Tensor> forward(autograd.AutogradContext ctx, params object[] vars)
    {
        using var scope = NewDisposeScope();
        var context = (Context)vars[0];
        var z0 = (Tensor)vars[1];
        var theta = (Tensor)vars[2];
        context.InitialStates = ToArray(z0);
        context.Parameters = ToArray(theta);
        var solution = Integrator.Solve<double>(context.System, context.InitialStates, context.Parameters,
            context.Options.Solve with { ThrowOnFailure = true });
        ctx.save_data(ContextKey, context);
        var states = tensor(solution.States, ScalarType.Float64)
            .view(solution.Times.Count, solution.Trajectories, solution.StateCount);
        return [states.to(z0.device).MoveToOuterDisposeScope()];
    }

    public override List<Tensor> backward(autograd.AutogradContext ctx, List<Tensor> gradOutputs)
    {
        using var scope = NewDisposeScope();
        var context = (Context)ctx.get_data(ContextKey);
        var incoming = ToArray(gradOutputs[0]);
        var options = context.Options with { Solve = context.Options.Solve with { ThrowOnFailure = false } };
        var result = Gradient.Compute(context.System, context.InitialStates, context.Parameters, options,
            new IncomingGradientArrayLoss(incoming));
        if (!result.Succeeded)
            throw new SolveException(result.Status, result.Message);
        var n = context.System.StateCount;
        var device = gradOutputs[0].device;
        return
        [
            null!,
            tensor(result.InitialStates, ScalarType.Float64).view(context.InitialStates.Length / n, n).to(device).MoveToOuterDisposeScope(),
            tensor(result.Parameters, ScalarType.Float64).to(device).MoveToOuterDisposeScope(),
        ];
    }

    private static double[] ToArray(Tensor values) =>
        values.detach().to(ScalarType.Float64).cpu().contiguous().data<double>().ToArray();
}
