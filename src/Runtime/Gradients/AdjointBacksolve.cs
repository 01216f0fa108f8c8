using OdeDsl.Runtime.Solvers;

namespace OdeDsl.Runtime.Gradients;

/// <summary>
/// Algorithm 2 of Chen et al. (2018) with observations at many times: one forward solve keeps only the observed
/// states; then, from the last observation down, the adjoint jumps by <c>∂L/∂z(t_i)</c> and
/// <c>[z, a, a_θ, a_t]</c> is integrated backwards to the previous observation, restarting <c>z</c> there from the
/// forward solution (each segment is one call of Algorithm 2). Memory does not grow with the horizon.
/// </summary>
internal static class AdjointBacksolve
{
    public static GradientResult Compute(GradientProblem problem, IObservationLoss loss)
    {
        var (n, p, trajectories) = (problem.StateCount, problem.ParameterCount, problem.Trajectories);
        var times = problem.ObservationTimes;
        var (forward, observed) = problem.SolveForward(problem.InitialStates, problem.T0, problem.T1, times);
        if (forward.Status != SolveStatus.Success)
            return GradientFailure.Forward(problem, forward);
        var (value, stateGradients, directParameters) = problem.EvaluateLoss(loss, observed);

        var dynamics = new AugmentedDynamics(problem.Kernel, n, p, trajectories);
        var width = dynamics.Width;
        var (rtol, atol) = AdjointTolerances.Build(problem.Options, n, stateBlocks: 2, adjointExtras: p + 1);
        var solver = BackwardSolver.For(problem, dynamics, width, rtol, atol, BackwardSolver.Names(problem.StateNames, p, withStates: true));
        var adjoint = new AdjointState(problem);
        var augmented = new double[trajectories * width];
        var block = trajectories * n;
        for (var i = times.Length - 1; i >= 0; i--)
        {
            var z = observed.AsSpan(i * block, block);
            adjoint.Observe(times[i], z, stateGradients.AsSpan(i * block, block));
            var target = i > 0 ? times[i - 1] : problem.T0;
            if (target == times[i])
                continue;
            Pack(augmented, z, adjoint, n, p, width);
            var outcome = solver.Run(augmented, times[i], target);
            if (outcome.Status != SolveStatus.Success)
                return GradientFailure.Backward(problem, outcome, forward.Stats, solver);
            Unpack(augmented, adjoint, n, p, width);
        }

        var parameters = adjoint.SumParameters();
        for (var j = 0; j < p; j++)
            parameters[j] += directParameters[j];
        var stats = new GradientStats(forward.Stats.FunctionEvaluations, solver.Evaluations + adjoint.Evaluations,
            forward.Stats.AcceptedSteps + forward.Stats.RejectedSteps, solver.Steps, PeakCheckpointBytes: 0);
        return new GradientResult(value, adjoint.A, parameters, adjoint.Time.Sum(), adjoint.T1Gradient, stats,
            SolveStatus.Success, "");
    }

    private static void Pack(double[] augmented, ReadOnlySpan<double> z, AdjointState adjoint, int n, int p, int width)
    {
        for (var b = 0; b < adjoint.Time.Length; b++)
        {
            var row = augmented.AsSpan(b * width, width);
            z.Slice(b * n, n).CopyTo(row);
            adjoint.A.AsSpan(b * n, n).CopyTo(row[n..]);
            adjoint.Parameters.AsSpan(b * p, p).CopyTo(row[(2 * n)..]);
            row[width - 1] = adjoint.Time[b];
        }
    }

    private static void Unpack(double[] augmented, AdjointState adjoint, int n, int p, int width)
    {
        for (var b = 0; b < adjoint.Time.Length; b++)
        {
            var row = augmented.AsSpan(b * width, width);
            row.Slice(n, n).CopyTo(adjoint.A.AsSpan(b * n, n));
            row.Slice(2 * n, p).CopyTo(adjoint.Parameters.AsSpan(b * p, p));
            adjoint.Time[b] = row[width - 1];
        }
    }
}
