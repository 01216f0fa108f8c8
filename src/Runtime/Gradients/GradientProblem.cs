using OdeDsl.Runtime.Solvers;
using OdeDsl.Runtime.Solvers.Backends;
using OdeDsl.Runtime.Systems;

namespace OdeDsl.Runtime.Gradients;

/// <summary>
/// One validated gradient request as the three methods see it: the double kernel, sizes, θ, the forward solver and
/// the observation times, with helpers to solve forwards and to evaluate the loss.
/// </summary>
internal sealed class GradientProblem
{
    public GradientProblem(IOdeKernel<double> kernel, IReadOnlyList<string> stateNames, double[] initialStates,
        double[] parameters, GradientOptions options, RungeKuttaMethod method, double[] observationTimes)
    {
        Kernel = kernel;
        StateNames = stateNames;
        InitialStates = initialStates;
        Parameters = parameters;
        Options = options;
        Method = method;
        ObservationTimes = observationTimes;
        StateCount = stateNames.Count;
        ParameterCount = parameters.Length;
        Trajectories = initialStates.Length / StateCount;
    }

    public IOdeKernel<double> Kernel { get; }

    public IReadOnlyList<string> StateNames { get; }

    public double[] InitialStates { get; }

    public double[] Parameters { get; }

    public GradientOptions Options { get; }

    public SolveOptions Solve => Options.Solve;

    public RungeKuttaMethod Method { get; }

    public double[] ObservationTimes { get; }

    public int StateCount { get; }

    public int ParameterCount { get; }

    public int Trajectories { get; }

    public double T0 => Solve.T0;

    public double T1 => Solve.T1;

    /// <summary>
    /// A forward solve from <paramref name="states"/> over <c>[from, to]</c>, saving at <paramref name="saveTimes"/>;
    /// <paramref name="observerFor"/> attaches a step observer to the solve's backend.
    /// </summary>
    public (SolveOutcome Outcome, double[] Saved) SolveForward(double[] states, double from, double to,
        double[] saveTimes, Func<SpanBackend<double>, IStepObserver>? observerFor = null)
    {
        var options = Solve with { T0 = from, T1 = to, SaveAt = saveTimes };
        var backend = new SpanBackend<double>(Kernel, states, Parameters, StateCount, Method.RegisterCount,
            Solve.Rtol, Solve.Atol, saveTimes.Length);
        var observer = observerFor?.Invoke(backend);
        var outcome = IntegrationLoop.Run(backend, Method, options, saveTimes, StateNames, observer);
        return (outcome, backend.Saved);
    }

    /// <summary>Evaluates the loss on the observed states; returns <c>L</c>, <c>∂L/∂z(t_i)</c> and direct <c>∂L/∂θ</c>.</summary>
    public (double Loss, double[] StateGradients, double[] ParameterGradients) EvaluateLoss(IObservationLoss loss,
        double[] observed)
    {
        var stateGradients = new double[observed.Length];
        var parameterGradients = new double[ParameterCount];
        var value = loss.Evaluate(ObservationTimes, observed, Trajectories, Parameters, stateGradients, parameterGradients);
        return (value, stateGradients, parameterGradients);
    }
}
