using OdeDsl.Runtime.Solvers;
using OdeDsl.Runtime.Solvers.Backends;
using OdeDsl.Runtime.Solvers.Stiff;
using OdeDsl.Runtime.Systems;

namespace OdeDsl.Runtime.Gradients;

/// <summary>
/// One validated gradient request as the three methods see it: the double kernel, sizes, θ, the forward solver and
/// the observation times, with helpers to solve forwards and to evaluate the loss. Each solve direction has either an
/// explicit or a stiff method.
/// </summary>
internal sealed class GradientProblem
{
    private readonly RungeKuttaMethod? _forwardExplicit;

    public GradientProblem(IOdeKernel<double> kernel, IReadOnlyList<string> stateNames, double[] initialStates,
        double[] parameters, GradientOptions options, GradientSolvers solvers, double[] observationTimes)
    {
        Kernel = kernel;
        StateNames = stateNames;
        InitialStates = initialStates;
        Parameters = parameters;
        Options = options;
        _forwardExplicit = solvers.ForwardExplicit;
        ForwardStiff = solvers.ForwardStiff;
        BackwardExplicit = solvers.BackwardExplicit;
        BackwardStiff = solvers.BackwardStiff;
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

    /// <summary>The explicit forward method; only requests whose forward solve is explicit ask for it.</summary>
    public RungeKuttaMethod Method =>
        _forwardExplicit ?? throw new InvalidOperationException("the forward solve of this gradient is stiff");

    public StiffMethod? ForwardStiff { get; }

    public RungeKuttaMethod? BackwardExplicit { get; }

    public StiffMethod? BackwardStiff { get; }

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
        if (ForwardStiff is { } stiff)
            return SolveStiff(stiff, states, options, saveTimes, observer: null);
        var backend = new SpanBackend<double>(Kernel, states, Parameters, StateCount, Method.RegisterCount,
            Solve.Rtol, Solve.Atol, saveTimes.Length);
        var observer = observerFor?.Invoke(backend);
        var outcome = IntegrationLoop.Run(backend, Method, options, saveTimes, StateNames, observer);
        return (outcome, backend.Saved);
    }

    /// <summary>
    /// The whole forward solve with the stiff forward method, saving at the observation times, every accepted step and
    /// its stages shown to <paramref name="recorder"/> (for the discrete adjoint of a diagonally implicit method).
    /// </summary>
    public (SolveOutcome Outcome, double[] Saved) SolveForwardStiff(EsdirkStepRecorder recorder) =>
        SolveStiff(ForwardStiff!, InitialStates, Solve with { SaveAt = ObservationTimes }, ObservationTimes, recorder,
            recorder);

    /// <summary>Re-solves <c>[from, to]</c> from <paramref name="states"/>, recording every step for dense output.</summary>
    public (SolveOutcome Outcome, ISegmentInterpolant Segment) RecordSegment(double[] states, double from, double to)
    {
        if (ForwardStiff is { } stiff)
        {
            var hermite = new HermiteRecorder();
            var (stiffOutcome, _) = SolveStiff(stiff, states, Solve with { T0 = from, T1 = to, SaveAt = [to] }, [to], hermite);
            return (stiffOutcome, hermite);
        }
        StepRecorder? recorder = null;
        var (outcome, _) = SolveForward(states, from, to, [to], backend => recorder = new StepRecorder(backend, Method));
        return (outcome, recorder!);
    }

    private (SolveOutcome Outcome, double[] Saved) SolveStiff(StiffMethod method, double[] states, SolveOptions options,
        double[] saveTimes, IStiffStepObserver? observer, IStiffStageObserver? stageObserver = null)
    {
        var problem = new StiffProblem(Kernel, Parameters, StateCount, Trajectories, Solve.Rtol, Solve.Atol);
        var run = new StiffRun(problem, options, saveTimes, StateNames) { Observer = observer, StageObserver = stageObserver };
        var outcome = method.Run(run, states.ToArray());
        return (outcome, run.Saved);
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
