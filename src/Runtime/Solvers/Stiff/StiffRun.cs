namespace OdeDsl.Runtime.Solvers.Stiff;

/// <summary>
/// What the stiff loops share: the problem, the save times and their storage (<c>[saves, B, n]</c>),
/// the step counters, and the outcome they end with.
/// </summary>
internal sealed class StiffRun(StiffProblem problem, SolveOptions options, double[] saveTimes,
    IReadOnlyList<string> stateNames)
{
    private const double MachineEpsilon = 2.220446049250313e-16;

    public StiffProblem Problem { get; } = problem;

    public SolveOptions Options { get; } = options;

    public double[] SaveTimes { get; } = saveTimes;

    public IReadOnlyList<string> StateNames { get; } = stateNames;

    public double[] Saved { get; } = new double[saveTimes.Length * problem.Size];

    public int SavedCount { get; set; }

    /// <summary>Sees every accepted step (BDF then spends one more function evaluation per step, on f at its end).</summary>
    public IStiffStepObserver? Observer { get; init; }

    /// <summary>Sees the stages of every accepted step (diagonally implicit methods only), before <see cref="Observer"/> does.</summary>
    public IStiffStageObserver? StageObserver { get; init; }

    public int Accepted { get; set; }

    public int Rejected { get; set; }

    public double Direction => Options.T1 >= Options.T0 ? 1.0 : -1.0;

    /// <summary>
    /// Below this |h| the sum t + h no longer moves t reliably. Relative to the current t rather than
    /// the interval's end, since stiff problems start with tiny steps on long intervals (Robertson to 1e11).
    /// </summary>
    public static double MinStep(double t) => Math.Max(1e-300, 4 * MachineEpsilon * Math.Abs(t));

    public double MaxStep => Math.Min(Options.MaxStep, Math.Abs(Options.T1 - Options.T0));

    public SolveOutcome Finish(SolveStatus status, string message) =>
        new(status, message, new SolverStats(Problem.FunctionEvaluations, Accepted, Rejected,
            Problem.Jacobians.Evaluations, Problem.LuFactorizations), SavedCount);

    public Span<double> NextSaveSlot() => Saved.AsSpan(SavedCount++ * Problem.Size, Problem.Size);

    public void Save(ReadOnlySpan<double> states) => states.CopyTo(NextSaveSlot());

    /// <summary>Saves at t0 and checks the initial state; a non-null outcome ends the solve.</summary>
    public SolveOutcome? Start(ReadOnlySpan<double> states)
    {
        while (SavedCount < SaveTimes.Length && SaveTimes[SavedCount] == Options.T0)
            Save(states);
        if (TryFindNonFinite(states, out var trajectory, out var component))
            return Finish(SolveStatus.NonFiniteState, SolveMessages.NonFiniteState(Options.T0, StateNames,
                Problem.Trajectories, trajectory, component));
        return Options.T0 == Options.T1 ? Finish(SolveStatus.Success, "") : null;
    }

    public SolveOutcome? CheckDerivative(double t, ReadOnlySpan<double> derivatives) =>
        TryFindNonFinite(derivatives, out var trajectory, out var component)
            ? Finish(SolveStatus.NonFiniteState, SolveMessages.NonFiniteDerivative(t, StateNames,
                Problem.Trajectories, trajectory, component))
            : null;

    public SolveOutcome NonFinite(double t, ReadOnlySpan<double> states)
    {
        TryFindNonFinite(states, out var trajectory, out var component);
        return Finish(SolveStatus.NonFiniteState, SolveMessages.NonFiniteState(t, StateNames, Problem.Trajectories,
            Math.Max(trajectory, 0), Math.Max(component, 0)));
    }

    public bool TryFindNonFinite(ReadOnlySpan<double> values, out int trajectory, out int component)
    {
        for (var index = 0; index < values.Length; index++)
        {
            if (!double.IsFinite(values[index]))
            {
                trajectory = index / Problem.StateCount;
                component = index % Problem.StateCount;
                return true;
            }
        }
        trajectory = component = -1;
        return false;
    }

    /// <summary>
    /// Hairer's starting step (Hairer, Nørsett &amp; Wanner I, II.4), as the explicit methods choose it:
    /// <c>h = min(100·h0, (0.01 / max(‖f0‖, ‖f″‖))^(1/(p+1)))</c>. Costs one function evaluation.
    /// </summary>
    public double InitialStep(double t0, ReadOnlySpan<double> states, ReadOnlySpan<double> derivatives, int order)
    {
        var size = Problem.Size;
        var stateNorm = Problem.ErrorNorm(states, states);
        var derivativeNorm = Problem.ErrorNorm(derivatives, states);
        var h0 = stateNorm < 1e-5 || derivativeNorm < 1e-5 ? 1e-6 : 0.01 * stateNorm / derivativeNorm;
        h0 = Math.Min(h0, MaxStep);
        var probe = new double[size];
        var probeDerivative = new double[size];
        for (var index = 0; index < size; index++)
            probe[index] = states[index] + Direction * h0 * derivatives[index];
        Problem.Derivative(t0 + Direction * h0, probe, probeDerivative);
        for (var index = 0; index < size; index++)
            probeDerivative[index] = (probeDerivative[index] - derivatives[index]) / h0;
        var secondDerivativeNorm = Problem.ErrorNorm(probeDerivative, states);
        var largest = Math.Max(derivativeNorm, secondDerivativeNorm);
        var h1 = largest <= 1e-15 || !double.IsFinite(largest)
            ? Math.Max(1e-6, h0 * 1e-3)
            : Math.Pow(0.01 / largest, 1.0 / (order + 1));
        return Math.Min(Math.Min(100 * h0, h1), MaxStep);
    }
}
