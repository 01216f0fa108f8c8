using OdeDsl.Runtime.Solvers.StepSize;

namespace OdeDsl.Runtime.Solvers.Stiff;

/// <summary>
/// The stepping loop of the one-step stiff methods (Rosenbrock, ESDIRK): the explicit methods'
/// PI controller, step limits, landing on t1 and messages, with cubic Hermite dense output through
/// <c>y_n, f_n, y_{n+1}, f_{n+1}</c>. A Newton failure cuts the step fourfold and retries.
/// </summary>
internal static class OneStepLoop
{
    /// <summary>The cut after a Newton failure or singular matrix.</summary>
    private const double FailureShrink = 0.25;

    /// <summary>Growth below which <see cref="IOneStepScheme.HoldsSmallGrowth"/> schemes keep the step.</summary>
    private const double HoldGrowth = 1.2;

    public static SolveOutcome Run(StiffRun run, IOneStepScheme scheme, Span<double> initialStates)
    {
        var problem = run.Problem;
        var options = run.Options;
        var size = problem.Size;
        var current = initialStates.ToArray();
        var candidate = new double[size];
        var derivative = new double[size];
        var endDerivative = new double[size];
        var error = new double[size];
        if (run.Start(current) is { } early)
            return early;

        var (t0, t1) = (options.T0, options.T1);
        var direction = run.Direction;
        problem.Derivative(t0, current, derivative);
        if (run.CheckDerivative(t0, derivative) is { } badDerivative)
            return badDerivative;
        var maxStep = run.MaxStep;
        var h = options.Dt ?? options.FirstStep ?? run.InitialStep(t0, current, derivative, scheme.Order);
        h = direction * Math.Min(h, maxStep);
        var controller = options.Dt is null && scheme.ControllerOrder is { } order ? new PiController(order) : null;
        StepAttempt? lastFailure = null;
        var lastErrorNonFinite = false;
        var worstTrajectory = 0;
        var t = t0;

        while (true)
        {
            if (run.Accepted + run.Rejected >= options.MaxSteps)
                return run.Finish(SolveStatus.MaxStepsExceeded, SolveMessages.MaxStepsExceeded(options.MaxSteps, t, t1));
            var lastStep = direction * (t1 - (t + h)) <= 1e-9 * Math.Abs(h);
            if (lastStep)
                h = t1 - t;
            if (Math.Abs(h) < StiffRun.MinStep(t) || t + h == t)
                return Underflow(run, t, h, lastFailure, lastErrorNonFinite, candidate, worstTrajectory);

            var attempt = scheme.TryStep(t, h, current, derivative, candidate, error);
            if (attempt != StepAttempt.Computed)
            {
                lastFailure = attempt;
                run.Rejected++;
                h *= FailureShrink;
                continue;
            }
            lastFailure = null;

            var nextH = h;
            if (controller is not null)
            {
                var norm = problem.ErrorNorm(error, current, candidate, out worstTrajectory);
                lastErrorNonFinite = !double.IsFinite(norm);
                var decision = controller.Decide(norm, h);
                if (!decision.Accept)
                {
                    run.Rejected++;
                    h = decision.NextStep;
                    continue;
                }
                var growth = decision.NextStep / h;
                nextH = scheme.HoldsSmallGrowth && growth is >= 1 and <= HoldGrowth ? h : decision.NextStep;
            }
            else if (run.TryFindNonFinite(candidate, out _, out _))
            {
                return run.NonFinite(t + h, candidate);
            }

            run.Accepted++;
            scheme.Accepted();
            var tNew = lastStep ? t1 : t + h;
            problem.Derivative(tNew, candidate, endDerivative);
            SaveInside(run, t, tNew, current, derivative, candidate, endDerivative);
            run.Observer?.Accepted(t, tNew, current, derivative, candidate, endDerivative);
            (current, candidate) = (candidate, current);
            (derivative, endDerivative) = (endDerivative, derivative);
            t = tNew;
            if (lastStep)
                return run.Finish(SolveStatus.Success, "");
            h = direction * Math.Min(Math.Abs(nextH), maxStep);
        }
    }

    private static SolveOutcome Underflow(StiffRun run, double t, double h, StepAttempt? lastFailure,
        bool lastErrorNonFinite, ReadOnlySpan<double> candidate, int worstTrajectory) => lastFailure switch
    {
        StepAttempt.NewtonFailed => run.Finish(SolveStatus.ConvergenceFailure, SolveMessages.NewtonFailure(t, h)),
        StepAttempt.SingularMatrix => run.Finish(SolveStatus.ConvergenceFailure, SolveMessages.SingularMatrix(t, h)),
        _ when lastErrorNonFinite => run.NonFinite(t, candidate),
        _ => run.Finish(SolveStatus.StepSizeUnderflow,
            SolveMessages.StepSizeUnderflow(t, h, run.Problem.Trajectories, worstTrajectory)),
    };

    /// <summary>Cubic Hermite interpolation at the save times in <c>(t, tNew]</c>.</summary>
    private static void SaveInside(StiffRun run, double t, double tNew, ReadOnlySpan<double> start,
        ReadOnlySpan<double> startDerivative, ReadOnlySpan<double> end, ReadOnlySpan<double> endDerivative)
    {
        var direction = run.Direction;
        var h = tNew - t;
        while (run.SavedCount < run.SaveTimes.Length && direction * (run.SaveTimes[run.SavedCount] - tNew) <= 0)
        {
            var saveTime = run.SaveTimes[run.SavedCount];
            if (saveTime == tNew)
            {
                run.Save(end);
                continue;
            }
            var theta = (saveTime - t) / h;
            var theta2 = theta * theta;
            var theta3 = theta2 * theta;
            var startWeight = 2 * theta3 - 3 * theta2 + 1;
            var startSlope = h * (theta3 - 2 * theta2 + theta);
            var endWeight = -2 * theta3 + 3 * theta2;
            var endSlope = h * (theta3 - theta2);
            var slot = run.NextSaveSlot();
            for (var index = 0; index < slot.Length; index++)
                slot[index] = startWeight * start[index] + startSlope * startDerivative[index]
                    + endWeight * end[index] + endSlope * endDerivative[index];
        }
    }
}
