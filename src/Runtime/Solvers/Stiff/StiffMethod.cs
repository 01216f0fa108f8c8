namespace OdeDsl.Runtime.Solvers.Stiff;

/// <summary>
/// A stiff solver as options name it (see <see cref="StiffMethods"/>). Stiff methods solve in double
/// precision on the CPU, use the system's Jacobian (or finite differences) and report Jacobian
/// evaluations and LU factorisations in <see cref="SolverStats"/>.
/// </summary>
public sealed class StiffMethod
{
    private readonly Func<StiffRun, double[], SolveOutcome> _run;

    private StiffMethod(string name, int order, bool isAdaptive, Func<StiffRun, double[], SolveOutcome> run)
    {
        Name = name;
        Order = order;
        IsAdaptive = isAdaptive;
        _run = run;
    }

    /// <summary>The name <see cref="StiffMethods.Get"/> knows it by.</summary>
    public string Name { get; }

    /// <summary>The order of accuracy (the highest one for BDF).</summary>
    public int Order { get; }

    /// <summary>False for implicit Euler, which needs <see cref="SolveOptions.Dt"/>.</summary>
    public bool IsAdaptive { get; }

    internal SolveOutcome Run(StiffRun run, double[] initialStates) => _run(run, initialStates);

    internal static StiffMethod Rosenbrock(RosenbrockTableau tableau) =>
        new(tableau.Name, tableau.Order, isAdaptive: true,
            (run, states) => OneStepLoop.Run(run, new RosenbrockScheme(run.Problem, tableau), states));

    internal static StiffMethod Esdirk(EsdirkTableau tableau) =>
        new(tableau.Name, tableau.Order, tableau.ControllerOrder is not null,
            (run, states) => OneStepLoop.Run(run, new EsdirkScheme(run.Problem, tableau), states));

    internal static StiffMethod BackwardDifferentiation(string name) =>
        new(name, BdfCoefficients.MaxOrder, isAdaptive: true, BdfSolver.Run);

    internal static StiffMethod Switching(string name, Func<StiffRun, double[], SolveOutcome> run) =>
        new(name, 4, isAdaptive: true, run);

    public override string ToString() => Name;
}
