using OdeDsl.Runtime.Solvers;

namespace OdeDsl.Runtime.Gradients;

/// <summary>
/// The checkpointed (interpolating) adjoint. The forward pass also saves the state at <c>K + 1</c> evenly spaced
/// checkpoint times. The backward pass walks the checkpoint segments from the last one down: it re-solves the
/// segment forwards from its checkpoint, recording every step, and integrates <c>[a, a_θ, a_t]</c> backwards
/// against that dense output, jumping at observations as the backsolve does. <c>z</c> is never solved backwards,
/// so systems whose backwards solve diverges (chaotic, strongly contracting) keep accurate gradients.
/// </summary>
internal static class CheckpointedAdjoint
{
    public static GradientResult Compute(GradientProblem problem, IObservationLoss loss)
    {
        var (n, p, trajectories) = (problem.StateCount, problem.ParameterCount, problem.Trajectories);
        var block = trajectories * n;
        var times = problem.ObservationTimes;
        var checkpointTimes = CheckpointTimes(problem.T0, problem.T1, problem.Options.Checkpoints);
        var saveTimes = times.Union(checkpointTimes).Order().ToArray();
        var (forward, saved) = problem.SolveForward(problem.InitialStates, problem.T0, problem.T1, saveTimes);
        if (forward.Status != SolveStatus.Success)
            return GradientFailure.Forward(problem, forward);
        double[] SavedAt(double time) => saved.AsSpan(Array.BinarySearch(saveTimes, time) * block, block).ToArray();
        var observed = times.SelectMany(SavedAt).ToArray();
        var checkpoints = checkpointTimes.Select(SavedAt).ToArray();
        var (value, stateGradients, directParameters) = problem.EvaluateLoss(loss, observed);

        var dynamics = new InterpolatedAdjointDynamics(problem.Kernel, n, p, trajectories);
        var width = dynamics.Width;
        var (rtol, atol) = AdjointTolerances.Build(problem.Options, n, stateBlocks: 1, adjointExtras: p + 1);
        var solver = BackwardSolver.For(problem, dynamics, width, rtol, atol, BackwardSolver.Names(problem.StateNames, p, withStates: false));
        var adjoint = new AdjointState(problem);
        var packed = new double[trajectories * width];
        var checkpointBytes = (long)checkpoints.Length * block * sizeof(double);
        var peakBytes = checkpointBytes;
        var (forwardEvaluations, forwardSteps) = (forward.Stats.FunctionEvaluations, forward.Stats.AcceptedSteps + forward.Stats.RejectedSteps);
        var loadedSegment = -1;
        var stops = saveTimes.Where(time => time <= times[^1]).Reverse().ToArray();
        for (var s = 0; s < stops.Length; s++)
        {
            var time = stops[s];
            var observation = Array.BinarySearch(times, time);
            if (observation >= 0)
                adjoint.Observe(time, observed.AsSpan(observation * block, block), stateGradients.AsSpan(observation * block, block));
            if (s + 1 == stops.Length)
                break;
            var next = stops[s + 1];
            var found = Array.BinarySearch(checkpointTimes, next);
            var segment = found >= 0 ? found : ~found - 1;
            if (segment != loadedSegment)
            {
                dynamics.Segment = null;
                var (outcome, recorded) = problem.RecordSegment(checkpoints[segment], checkpointTimes[segment],
                    checkpointTimes[segment + 1]);
                forwardEvaluations += outcome.Stats.FunctionEvaluations;
                forwardSteps += outcome.Stats.AcceptedSteps + outcome.Stats.RejectedSteps;
                if (outcome.Status != SolveStatus.Success)
                    return GradientFailure.Forward(problem, outcome);
                dynamics.Segment = recorded;
                loadedSegment = segment;
                peakBytes = Math.Max(peakBytes, checkpointBytes + recorded.Bytes);
            }
            Pack(packed, adjoint, n, p, width);
            var backward = solver.Run(packed, time, next);
            if (backward.Status != SolveStatus.Success)
                return GradientFailure.Backward(problem, backward, forward.Stats, solver);
            Unpack(packed, adjoint, n, p, width);
        }

        var parameters = adjoint.SumParameters();
        for (var j = 0; j < p; j++)
            parameters[j] += directParameters[j];
        var stats = new GradientStats(forwardEvaluations, solver.Evaluations + adjoint.Evaluations, forwardSteps,
            solver.Steps, peakBytes);
        return new GradientResult(value, adjoint.A, parameters, adjoint.Time.Sum(), adjoint.T1Gradient, stats,
            SolveStatus.Success, "");
    }

    /// <summary><c>K + 1</c> evenly spaced times from <c>t0</c> to exactly <c>t1</c>.</summary>
    private static double[] CheckpointTimes(double t0, double t1, int segments)
    {
        if (t0 == t1)
            return [t0];
        var times = new double[segments + 1];
        for (var k = 0; k < segments; k++)
            times[k] = t0 + (t1 - t0) * k / segments;
        times[segments] = t1;
        return times;
    }

    private static void Pack(double[] packed, AdjointState adjoint, int n, int p, int width)
    {
        for (var b = 0; b < adjoint.Time.Length; b++)
        {
            var row = packed.AsSpan(b * width, width);
            adjoint.A.AsSpan(b * n, n).CopyTo(row);
            adjoint.Parameters.AsSpan(b * p, p).CopyTo(row[n..]);
            row[width - 1] = adjoint.Time[b];
        }
    }

    private static void Unpack(double[] packed, AdjointState adjoint, int n, int p, int width)
    {
        for (var b = 0; b < adjoint.Time.Length; b++)
        {
            var row = packed.AsSpan(b * width, width);
            row[..n].CopyTo(adjoint.A.AsSpan(b * n, n));
            row.Slice(n, p).CopyTo(adjoint.Parameters.AsSpan(b * p, p));
            adjoint.Time[b] = row[width - 1];
        }
    }
}
