using OdeDsl.Runtime.Solvers;
using OdeDsl.Runtime.Solvers.Backends;
using OdeDsl.Runtime.Systems;

namespace OdeDsl.Runtime.Gradients;

/// <summary>
/// Runs the one integration loop backwards over a segment for an adjoint kernel with an explicit method, reusing one
/// backend for every segment of a gradient so the backward pass allocates per gradient, not per observation.
/// </summary>
internal sealed class BackwardSolver : IBackwardSolver
{
    private readonly GradientProblem _problem;
    private readonly RungeKuttaMethod _method;
    private readonly SpanBackend<double> _backend;
    private readonly double[] _saveTime = new double[1];
    private readonly IReadOnlyList<string> _names;
    private double _nextStep;

    public BackwardSolver(GradientProblem problem, RungeKuttaMethod method, IOdeKernel<double> kernel, int width,
        Tolerance rtol, Tolerance atol, IReadOnlyList<string> names)
    {
        _problem = problem;
        _method = method;
        Width = width;
        _names = names;
        _backend = new SpanBackend<double>(kernel, new double[problem.Trajectories * width], problem.Parameters, width,
            method.RegisterCount, rtol, atol, saveCount: 1);
    }

    public int Width { get; }

    public int Evaluations { get; private set; }

    public int Steps { get; private set; }

    /// <summary>Integrates <paramref name="state"/> (<c>[B, width]</c>) from <paramref name="from"/> to <paramref name="to"/> in place.</summary>
    public SolveOutcome Run(double[] state, double from, double to)
    {
        state.CopyTo(_backend.State(StateRegister.Current));
        _saveTime[0] = to;
        // Segments between observations are often a few steps long: starting each with the step size the
        // previous one ended on saves the first-step selection and the rejections that follow a poor guess.
        var options = _problem.Solve with { Method = _method.Name, T0 = from, T1 = to, SaveAt = null, FirstStep = _nextStep > 0 ? _nextStep : null };
        var outcome = IntegrationLoop.Run(_backend, _method, options, _saveTime, _names);
        Evaluations += outcome.Stats.FunctionEvaluations;
        Steps += outcome.Stats.AcceptedSteps + outcome.Stats.RejectedSteps;
        if (outcome.Status == SolveStatus.Success)
            _backend.Saved.AsSpan(0, state.Length).CopyTo(state);
        _nextStep = outcome.NextStep;
        return outcome;
    }

    /// <summary>The backward solver of the request's backward method (<see cref="GradientOptions.BackwardMethod"/>).</summary>
    public static IBackwardSolver For(GradientProblem problem, IOdeKernel<double> kernel, int width, Tolerance rtol,
        Tolerance atol, IReadOnlyList<string> names) =>
        problem.BackwardStiff is { } stiff
            ? new StiffBackwardSolver(problem, stiff, kernel, width, rtol, atol, names)
            : new BackwardSolver(problem, problem.BackwardExplicit!, kernel, width, rtol, atol, names);

    /// <summary>Names of an augmented state's components for error messages: <c>z</c>, then <c>a(z)</c>, <c>a(θ)</c>, <c>a(t)</c>.</summary>
    public static IReadOnlyList<string> Names(IReadOnlyList<string> stateNames, int parameterCount, bool withStates)
    {
        var names = new List<string>();
        if (withStates)
            names.AddRange(stateNames);
        names.AddRange(stateNames.Select(name => $"adjoint of {name}"));
        names.AddRange(Enumerable.Range(0, parameterCount).Select(j => $"adjoint of parameter {j}"));
        names.Add("adjoint of t");
        return names;
    }
}
