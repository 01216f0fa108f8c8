using OdeDsl.Runtime.Solvers.Backends;
using OdeDsl.Runtime.Solvers.StepSize;

namespace OdeDsl.Runtime.Solvers;

/// <summary>
/// The one stepping loop, for every method and backend: fixed or adaptive steps, forwards or
/// backwards, dense output at the save times, statistics and failures. Adjoints will run it too.
/// The step size is shared by the whole batch (see docs/solvers.md for why).
/// </summary>
internal static class IntegrationLoop
{
    private const double MachineEpsilon = 2.220446049250313e-16;

    /// <param name="observer">Sees every accepted step (gradients record steps through it); <c>null</c> for plain solves.</param>
    public static SolveOutcome Run(IStepBackend backend, RungeKuttaMethod method, SolveOptions options,
        ReadOnlySpan<double> saveTimes, IReadOnlyList<string> stateNames, IStepObserver? observer = null)
    {
        var tableau = method.Tableau;
        var dense = method.DenseOutput;
        var (t0, t1) = (options.T0, options.T1);
        var direction = t1 >= t0 ? 1.0 : -1.0;
        var trajectories = backend.Trajectories;
        Span<double> weights = stackalloc double[method.RegisterCount];
        var workspace = trajectories <= 64 ? stackalloc double[2 * trajectories] : new double[2 * trajectories];
        int nfe = 0, accepted = 0, rejected = 0, saved = 0;
        SolveOutcome Finish(SolveStatus status, string message, double nextStep = 0) =>
            new(status, message, new SolverStats(nfe, accepted, rejected), saved, nextStep);

        // ── Save points at t0 and the trivial interval ───────────────────────────────────────────
        while (saved < saveTimes.Length && saveTimes[saved] == t0)
            backend.Save(saved++, StateRegister.Current);
        if (backend.TryFindNonFinite(StateRegister.Current, out var badTrajectory, out var badComponent))
            return Finish(SolveStatus.NonFiniteState, SolveMessages.NonFiniteState(t0, stateNames,
                trajectories, badTrajectory, badComponent));
        if (t0 == t1)
            return Finish(SolveStatus.Success, "");

        // ── First stage and first step ──────────────────────────────────────────────────────────
        backend.Evaluate(t0, StateRegister.Current, stage: 0);
        nfe++;
        if (backend.TryFindNonFiniteStage(0, out badTrajectory, out badComponent))
            return Finish(SolveStatus.NonFiniteState, SolveMessages.NonFiniteDerivative(t0, stateNames,
                trajectories, badTrajectory, badComponent));
        var span = Math.Abs(t1 - t0);
        var maxStep = Math.Min(options.MaxStep, span);
        double h;
        if (options.Dt is { } dt)
            h = dt;
        else if (options.FirstStep is { } firstStep)
            h = firstStep;
        else
        {
            h = InitialStepSize.Select(backend, t0, direction, tableau.Order, maxStep, workspace);
            nfe++;
        }
        h = direction * Math.Min(h, maxStep);
        var adaptive = method.IsAdaptive && options.Dt is null;
        var controller = adaptive ? new PiController(method.ErrorEstimate!.ControllerOrder) : null;
        // Below this |h| the sum t + h no longer moves t reliably.
        var minStep = Math.Max(1e-300, 4 * MachineEpsilon * Math.Max(Math.Abs(t0), Math.Abs(t1)));
        var lastErrorNonFinite = false;
        var worstTrajectory = 0;
        var t = t0;

        while (true)
        {
            // ── Limits ──────────────────────────────────────────────────────────────────────────
            if (accepted + rejected >= options.MaxSteps)
                return Finish(SolveStatus.MaxStepsExceeded, SolveMessages.MaxStepsExceeded(options.MaxSteps, t, t1));
            // Land exactly on t1; stretch a step that would leave a sliver shorter than 1e-9·h behind.
            var lastStep = direction * (t1 - (t + h)) <= 1e-9 * Math.Abs(h);
            if (lastStep)
                h = t1 - t;
            if (Math.Abs(h) < minStep || t + h == t)
            {
                if (lastErrorNonFinite)
                    return Finish(SolveStatus.NonFiniteState, DescribeNonFinite(backend, method, t, stateNames));
                return Finish(SolveStatus.StepSizeUnderflow,
                    SolveMessages.StepSizeUnderflow(t, h, trajectories, worstTrajectory));
            }

            // ── Stages ──────────────────────────────────────────────────────────────────────────
            var lastExplicitStage = tableau.Fsal ? tableau.Stages - 1 : tableau.Stages;
            for (var stage = 1; stage < lastExplicitStage; stage++)
            {
                backend.Combine(StateRegister.StageInput, StateRegister.Current, h, method.Coefficients[stage],
                    method.CoefficientTerms[stage]);
                backend.Evaluate(t + method.Nodes[stage] * h, StateRegister.StageInput, stage);
            }
            nfe += lastExplicitStage - 1;
            backend.Combine(StateRegister.Candidate, StateRegister.Current, h, method.Weights, method.WeightTerms);
            if (tableau.Fsal)
            {
                backend.Evaluate(t + h, StateRegister.Candidate, tableau.Stages - 1);
                nfe++;
            }

            // ── Accept or reject ────────────────────────────────────────────────────────────────
            var nextH = h;
            if (controller is not null)
            {
                var error = method.ErrorEstimate!.Norm(backend, h, workspace, out worstTrajectory);
                // A NaN error compares false with everything; the controller treats it as a rejection.
                lastErrorNonFinite = !double.IsFinite(error);
                if (lastErrorNonFinite)
                    backend.DiscardStagesAfterFirst();
                var decision = controller.Decide(error, h);
                if (!decision.Accept)
                {
                    rejected++;
                    h = decision.NextStep;
                    continue;
                }
                nextH = decision.NextStep;
            }
            else if (backend.TryFindNonFinite(StateRegister.Candidate, out badTrajectory, out badComponent))
            {
                return Finish(SolveStatus.NonFiniteState, SolveMessages.NonFiniteState(t + h,
                    stateNames, trajectories, badTrajectory, badComponent));
            }
            accepted++;
            var tNew = lastStep ? t1 : t + h;
            if (!tableau.Fsal)
            {
                backend.Evaluate(tNew, StateRegister.Candidate, method.EndRegister);
                nfe++;
            }

            // ── Dense output at the save times inside this step ─────────────────────────────────
            var extrasReady = false;
            while (saved < saveTimes.Length && direction * (saveTimes[saved] - tNew) <= 0)
            {
                var saveTime = saveTimes[saved];
                if (saveTime == tNew)
                {
                    backend.Save(saved++, StateRegister.Candidate);
                    continue;
                }
                if (!extrasReady)
                {
                    nfe += EvaluateExtraStages(backend, method, t, h);
                    extrasReady = true;
                }
                dense.Weights((saveTime - t) / h, weights);
                backend.Combine(StateRegister.Interpolated, StateRegister.Current, h, weights, method.AllTerms);
                backend.Save(saved++, StateRegister.Interpolated);
            }

            if (observer is not null)
            {
                if (!extrasReady && observer.NeedsExtraStages)
                    nfe += EvaluateExtraStages(backend, method, t, h);
                observer.Accepted(t, h);
            }

            // ── Advance ─────────────────────────────────────────────────────────────────────────
            backend.Swap(StateRegister.Current, StateRegister.Candidate);
            backend.SwapStages(0, method.EndRegister);
            t = tNew;
            if (lastStep)
                return Finish(SolveStatus.Success, "", Math.Abs(nextH));
            h = direction * Math.Min(Math.Abs(nextH), maxStep);
        }
    }

    private static int EvaluateExtraStages(IStepBackend backend, RungeKuttaMethod method, double t, double h)
    {
        var nodes = method.DenseOutput.ExtraNodes;
        for (var extra = 0; extra < nodes.Count; extra++)
        {
            backend.Combine(StateRegister.StageInput, StateRegister.Current, h, method.DenseOutput.ExtraCoefficients[extra],
                method.ExtraTerms[extra]);
            backend.Evaluate(t + nodes[extra] * h, StateRegister.StageInput, method.EndRegister + 1 + extra);
        }
        return nodes.Count;
    }

    /// <summary>Names the first non-finite value of a step that kept failing: the candidate state, else a stage.</summary>
    private static string DescribeNonFinite(IStepBackend backend, RungeKuttaMethod method, double t,
        IReadOnlyList<string> stateNames)
    {
        var trajectories = backend.Trajectories;
        if (backend.TryFindNonFinite(StateRegister.Candidate, out var trajectory, out var component))
            return SolveMessages.NonFiniteState(t, stateNames, trajectories, trajectory, component);
        for (var stage = 0; stage < method.Tableau.Stages; stage++)
            if (backend.TryFindNonFiniteStage(stage, out trajectory, out component))
                return SolveMessages.NonFiniteDerivative(t, stateNames, trajectories, trajectory, component);
        return SolveMessages.NonFiniteState(t, stateNames, trajectories, 0, 0);
    }
}
