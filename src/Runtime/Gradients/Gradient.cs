using OdeDsl.Runtime.Solvers;
using OdeDsl.Runtime.Solvers.Stiff;
using OdeDsl.Runtime.Systems;
using OdeDsl.Runtime.Torch;
using TorchSharp;
using static TorchSharp.torch;

namespace OdeDsl.Runtime.Gradients;

/// <summary>
/// Gradients of a loss on a solve with respect to the initial states, the parameters θ and the times <c>t0</c>, <c>t1</c>,
/// by the method of <see cref="GradientOptions.Method"/> (see docs/gradients.md). Invalid requests and failed solves
/// come back as a result with <see cref="GradientResult.Succeeded"/> false and a message, never as exceptions.
/// </summary>
public static class Gradient
{
    /// <summary>
    /// The span backend: <paramref name="initialStates"/> <c>[B, n]</c> row-major, <paramref name="parameters"/> <c>[p]</c>
    /// shared by the batch; <paramref name="loss"/> sees the states at <c>options.Solve.SaveAt</c>.
    /// </summary>
    public static GradientResult Compute(IOdeSystem system, ReadOnlySpan<double> initialStates,
        ReadOnlySpan<double> parameters, GradientOptions options, IObservationLoss loss) =>
        Compute(system, system, initialStates, parameters, options, loss);

    /// <summary>
    /// The tensor backend: <paramref name="initialStates"/> <c>[B, n]</c> and <paramref name="parameters"/> <c>[p]</c>;
    /// the system's tensor kernels (<see cref="ITensorKernel.Derivative"/>, <see cref="ITensorKernel.Vjp"/>) compute every
    /// right-hand side and VJP on the tensors' device, in float64. Gradients come back as tensors on that device.
    /// </summary>
    public static TensorGradientResult Compute(IOdeSystem system, Tensor initialStates, Tensor parameters,
        GradientOptions options, ITensorObservationLoss loss)
    {
        var n = system.StateCount;
        if (initialStates.dim() != 2 || initialStates.shape[1] != n || initialStates.shape[0] == 0)
            return TensorGradientResult.From(GradientFailure.Invalid(0, system.ParameterCount,
                $"the initial states must be a [B, {n}] tensor with B ≥ 1, but have shape {TensorShape.Format(initialStates)}"), initialStates.device, n);
        var device = initialStates.device;
        var kernel = new TensorKernelAdapter(system, n, device);
        var states = initialStates.detach().to(ScalarType.Float64).cpu().data<double>().ToArray();
        var theta = parameters.detach().to(ScalarType.Float64).cpu().data<double>().ToArray();
        var result = Compute(system, kernel, states, theta, options, new TensorLossAdapter(loss, n, device));
        return TensorGradientResult.From(result, device, n);
    }

    private static GradientResult Compute(IOdeSystem system, IOdeKernel<double> kernel, ReadOnlySpan<double> initialStates,
        ReadOnlySpan<double> parameters, GradientOptions options, IObservationLoss loss)
    {
        var (n, p) = (system.StateCount, system.ParameterCount);
        var problem = Validate(system, initialStates, parameters, options, out var solvers, out var times);
        if (problem is not null)
            return GradientFailure.Invalid(initialStates.Length, p, problem);
        var request = new GradientProblem(kernel, system.StateNames, initialStates.ToArray(), parameters.ToArray(),
            options, solvers, times);
        try
        {
            return options.Method switch
            {
                GradientMethod.Adjoint => AdjointBacksolve.Compute(request, loss),
                GradientMethod.Checkpoint => CheckpointedAdjoint.Compute(request, loss),
                _ => DiscreteAdjoint.Compute(request, loss),
            };
        }
        catch (NotSupportedException missing)
        {
            // A hand-written system without a VJP: say so instead of failing halfway through the backward pass.
            return GradientFailure.Invalid(initialStates.Length, p, $"{system.Name} cannot be differentiated: {missing.Message}");
        }
    }

    private static string? Validate(IOdeSystem system, ReadOnlySpan<double> initialStates, ReadOnlySpan<double> parameters,
        GradientOptions options, out GradientSolvers solvers, out double[] times)
    {
        var n = system.StateCount;
        var problem = ValidateMethods(options, n, out solvers, out times);
        if (problem is not null)
            return problem;
        if (initialStates.Length == 0)
            return SolveMessages.NoTrajectories;
        if (initialStates.Length % n != 0)
            return $"the initial states have {initialStates.Length} values, which is not a multiple of the {n} states";
        if (parameters.Length != system.ParameterCount)
            return SolveMessages.WrongLength("the parameters", parameters.Length, system.ParameterCount);
        if (!Enum.IsDefined(options.Method))
            return $"unknown gradient method {(int)options.Method}; use Adjoint, Checkpoint or Discrete";
        if (options.Solve.T1 < options.Solve.T0)
            return "gradients need T1 ≥ T0 (a forward solve)";
        if (options.Checkpoints < 1)
            return SolveMessages.NotPositive(nameof(options.Checkpoints), options.Checkpoints);
        foreach (var (name, tolerance) in new[] { (nameof(options.BackwardRtol), options.BackwardRtol), (nameof(options.BackwardAtol), options.BackwardAtol) })
        {
            if (tolerance is null)
                continue;
            if (!tolerance.IsScalar && tolerance.Values.Count != n)
                return SolveMessages.WrongLength(name, tolerance.Values.Count, n);
            if (tolerance.Values.Any(value => !(value > 0 && double.IsFinite(value))))
                return $"{name} must be positive and finite, but is {tolerance}";
        }
        return null;
    }

    private static string? ValidateMethods(GradientOptions options, int n, out GradientSolvers solvers, out double[] times)
    {
        const double epsilon = 2.220446049250313e-16;
        solvers = new GradientSolvers(null, null, null, null);
        times = [];
        var forwardName = options.Solve.Method;
        var backwardName = options.BackwardMethod ?? forwardName;
        RungeKuttaMethod? forwardExplicit = null;
        string? problem;
        if (StiffMethods.TryGet(forwardName, out var forwardStiff))
            problem = SolveOptionsValidation.ValidateCommon(options.Solve, n, epsilon, forwardStiff.Name,
                forwardStiff.IsAdaptive, out times);
        else
            problem = SolveOptionsValidation.Validate(options.Solve, n, epsilon, out forwardExplicit, out times);
        if (problem is not null)
            return problem;
        StiffMethods.TryGet(backwardName, out var backwardStiff);
        Methods.TryGet(backwardName, out var backwardExplicit);
        if (backwardStiff is null && backwardExplicit is null)
            return $"{nameof(options.BackwardMethod)}: {Methods.UnknownMethodMessage(backwardName)}";
        if (options.BackwardMethod is not null && !(backwardStiff?.IsAdaptive ?? backwardExplicit!.IsAdaptive))
            return $"{nameof(options.BackwardMethod)} must be adaptive, but {backwardName} takes fixed steps";
        if (options.Method == GradientMethod.Discrete && forwardStiff is { ImplicitTableau: null })
            return $"the discrete adjoint differentiates explicit methods, trbdf2 and implicit-euler, not {forwardStiff.Name} " +
                "(a Rosenbrock step would need second derivatives of f, and bdf is multistep); " +
                "use GradientMethod.Checkpoint for gradients through rodas4 or bdf solves";
        solvers = new GradientSolvers(forwardExplicit, forwardStiff, backwardExplicit, backwardStiff);
        return null;
    }
}
