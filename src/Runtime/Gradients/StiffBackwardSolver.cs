using OdeDsl.Runtime.Solvers;
using OdeDsl.Runtime.Solvers.Stiff;
using OdeDsl.Runtime.Systems;

namespace OdeDsl.Runtime.Gradients;

/// <summary>
/// The backward solve with a stiff method: the adjoint of a stiff system is stiff (its Jacobian is <c>−Jᵀ</c>), so an
/// explicit backward solve would crawl. The adjoint kernels have no Jacobian of their own; the stiff methods fall
/// back to finite differences of it, one batched adjoint evaluation per column.
/// </summary>
internal sealed class StiffBackwardSolver(GradientProblem problem, StiffMethod method, IOdeKernel<double> kernel,
    int width, Tolerance rtol, Tolerance atol, IReadOnlyList<string> names) : IBackwardSolver
{
    public int Evaluations { get; private set; }

    public int Steps { get; private set; }

    public SolveOutcome Run(double[] state, double from, double to)
    {
        var options = problem.Solve with { Method = method.Name, T0 = from, T1 = to, SaveAt = null, FirstStep = null };
        var stiffProblem = new StiffProblem(kernel, problem.Parameters, width, problem.Trajectories, rtol, atol);
        var run = new StiffRun(stiffProblem, options, [to], names);
        var outcome = method.Run(run, state);
        Evaluations += outcome.Stats.FunctionEvaluations;
        Steps += outcome.Stats.AcceptedSteps + outcome.Stats.RejectedSteps;
        if (outcome.Status == SolveStatus.Success)
            run.Saved.AsSpan(0, state.Length).CopyTo(state);
        return outcome;
    }
}
