using OdeDsl.Runtime.Solvers;

namespace OdeDsl.Runtime.Gradients;

/// <summary>Failed gradients: zero gradients, the solver's status and a message saying which pass failed.</summary>
internal static class GradientFailure
{
    public static GradientResult Invalid(int initialValues, int parameters, string message) =>
        new(double.NaN, new double[initialValues], new double[parameters], 0, 0, default, SolveStatus.InvalidOptions, message);

    public static GradientResult Forward(GradientProblem problem, SolveOutcome outcome) =>
        Failed(problem, outcome.Status, $"forward solve: {outcome.Message}",
            new GradientStats(outcome.Stats.FunctionEvaluations, 0, outcome.Stats.AcceptedSteps + outcome.Stats.RejectedSteps, 0, 0));

    public static GradientResult Backward(GradientProblem problem, SolveOutcome outcome, SolverStats forward,
        IBackwardSolver solver) =>
        Failed(problem, outcome.Status, $"backward solve: {outcome.Message}",
            new GradientStats(forward.FunctionEvaluations, solver.Evaluations,
                forward.AcceptedSteps + forward.RejectedSteps, solver.Steps, 0));

    private static GradientResult Failed(GradientProblem problem, SolveStatus status, string message, GradientStats stats) =>
        new(double.NaN, new double[problem.InitialStates.Length], new double[problem.ParameterCount], 0, 0, stats, status, message);
}
