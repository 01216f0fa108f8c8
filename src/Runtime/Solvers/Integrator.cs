using System.Numerics;
using System.Runtime.InteropServices;
using OdeDsl.Runtime.Solvers.Stiff;
using OdeDsl.Runtime.Solvers.Backends;
using OdeDsl.Runtime.Systems;
using OdeDsl.Runtime.Torch;
using TorchSharp;
using static TorchSharp.torch;

namespace OdeDsl.Runtime.Solvers;

/// <summary>
/// Solves an <see cref="IOdeSystem"/>: one trajectory from the model's defaults, a batch over spans
/// (<c>double</c> or <c>float</c>), or a batch of tensors. All three run the same
/// <see cref="IntegrationLoop"/>. Failures come back as <see cref="Solution{T}.Status"/> and
/// <see cref="Solution{T}.Message"/>, or as a <see cref="SolveException"/> when
/// <see cref="SolveOptions.ThrowOnFailure"/> is set.
/// </summary>
public static class Integrator
{
    /// <summary>One trajectory from the system's default parameters and initial state.</summary>
    public static Solution<double> Solve(IOdeSystem system, SolveOptions options)
    {
        var parameters = new double[system.ParameterCount];
        system.GetDefaultParameters(parameters);
        var state = new double[system.StateCount];
        system.GetInitialState(parameters, state);
        return Solve<double>(system, state, parameters, options);
    }

    /// <summary>
    /// <c>B = initialStates.Length / n</c> trajectories, <paramref name="initialStates"/> row-major
    /// <c>[B, n]</c>, sharing <paramref name="parameters"/> (<c>[p]</c>). Allocates its workspace once;
    /// steps allocate nothing.
    /// </summary>
    public static Solution<T> Solve<T>(IOdeSystem system, ReadOnlySpan<T> initialStates, ReadOnlySpan<T> parameters,
        SolveOptions options) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var n = system.StateCount;
        if (StiffMethods.TryGet(options.Method, out var stiff))
            return SolveStiff(system, initialStates, parameters, options, stiff);
        var epsilon = double.CreateTruncating(T.BitIncrement(T.One) - T.One);
        var problem = SolveOptionsValidation.Validate(options, n, epsilon, out var method, out var saveTimes)
            ?? CheckSizes(initialStates.Length, parameters.Length, n, system.ParameterCount);
        if (problem is null && system is not IOdeKernel<T>)
            problem = $"{system.Name} has no CPU kernel for {typeof(T).Name}; use double or float";
        if (problem is not null)
            return Finish(new Solution<T>(saveTimes, [], 0, n, SolveOutcome.Invalid(problem)), options);

        var backend = new SpanBackend<T>((IOdeKernel<T>)system, initialStates, parameters, n, method.RegisterCount,
            options.Rtol, options.Atol, saveTimes.Length);
        var outcome = IntegrationLoop.Run(backend, method, options, saveTimes, system.StateNames);
        return Finish(new Solution<T>(saveTimes, backend.Saved, backend.Trajectories, n, outcome), options);
    }

    /// <summary>
    /// The tensor backend: <paramref name="initialStates"/> <c>[B, n]</c> and <paramref name="parameters"/>
    /// <c>[p]</c> on one device and of one floating dtype; the solution stays on that device.
    /// </summary>
    public static TensorSolution Solve(IOdeSystem system, torch.Tensor initialStates, torch.Tensor parameters,
        SolveOptions options) => Solve(system, initialStates, parameters, options, observer: null);

    /// <param name="observer">Sees every accepted step (the ODE block replays them on the autograd tape).</param>
    internal static TensorSolution Solve(IOdeSystem system, torch.Tensor initialStates, torch.Tensor parameters,
        SolveOptions options, IStepObserver? observer)
    {
        var n = system.StateCount;
        var epsilon = initialStates.dtype switch
        {
            ScalarType.Float64 => double.BitIncrement(1.0) - 1.0,
            ScalarType.Float32 => float.BitIncrement(1f) - 1f,
            _ => 9.765625e-4, // float16 and bfloat16 resolve about three decimal digits or fewer
        };
        var problem = SolveOptionsValidation.Validate(options, n, epsilon, out var method, out var saveTimes);
        if (StiffMethods.TryGet(options.Method, out var stiff))
            problem = SolveMessages.StiffNoTensorBackend(stiff.Name);
        if (problem is null && (initialStates.dim() != 2 || initialStates.shape[1] != n || initialStates.shape[0] == 0))
            problem = $"the initial states must be a [B, {n}] tensor with B ≥ 1, but have shape {TensorShape.Format(initialStates)}";
        if (problem is null && parameters.numel() != system.ParameterCount)
            problem = SolveMessages.WrongLength("the parameter tensor", (int)parameters.numel(), system.ParameterCount);
        if (problem is null && !initialStates.is_floating_point())
            problem = $"the initial states must be a floating-point tensor, not {initialStates.dtype}";
        if (problem is not null)
        {
            var invalid = new TensorSolution(saveTimes, null, SolveOutcome.Invalid(problem));
            SolveOutcome.Invalid(problem).ThrowIfRequested(options);
            return invalid;
        }

        using var backend = new TensorBackend(system, initialStates, parameters, method.RegisterCount,
            options.Rtol, options.Atol, saveTimes.Length);
        var outcome = IntegrationLoop.Run(backend, method, options, saveTimes, system.StateNames, observer);
        var solution = new TensorSolution(saveTimes, backend.TakeSaved(outcome.SavedCount), outcome);
        if (options.ThrowOnFailure && !solution.Succeeded)
            solution.States?.Dispose();
        outcome.ThrowIfRequested(options);
        return solution;
    }

    private static Solution<T> SolveStiff<T>(IOdeSystem system, ReadOnlySpan<T> initialStates, ReadOnlySpan<T> parameters,
        SolveOptions options, StiffMethod method) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var n = system.StateCount;
        var problem = typeof(T) == typeof(double) ? null : SolveMessages.StiffNeedsDouble(method.Name, typeof(T).Name);
        problem ??= CheckSizes(initialStates.Length, parameters.Length, n, system.ParameterCount);
        if (problem is not null)
            return Finish(new Solution<T>([], [], 0, n, SolveOutcome.Invalid(problem)), options);
        var (saved, trajectories, saveTimes, outcome) = StiffIntegrator.Solve(system,
            MemoryMarshal.Cast<T, double>(initialStates), MemoryMarshal.Cast<T, double>(parameters), options, method);
        return Finish(new Solution<T>(saveTimes, (T[])(object)saved, trajectories, n, outcome), options);
    }

    private static string? CheckSizes(int stateValues, int parameterValues, int n, int p)
    {
        if (stateValues == 0)
            return SolveMessages.NoTrajectories;
        if (stateValues % n != 0)
            return $"the initial states have {stateValues} values, which is not a multiple of the {n} states";
        return parameterValues != p ? SolveMessages.WrongLength("the parameters", parameterValues, p) : null;
    }

    private static Solution<T> Finish<T>(Solution<T> solution, SolveOptions options)
    {
        new SolveOutcome(solution.Status, solution.Message, solution.Stats, solution.SavedCount).ThrowIfRequested(options);
        return solution;
    }
}
