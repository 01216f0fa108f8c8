namespace OdeDsl.Runtime.Solvers.Stiff;

/// <summary>
/// A stiff solver as options name it (see <see cref="StiffMethods"/>). Stiff methods solve in double
/// precision on the CPU, use the system's Jacobian (or finite differences) and report Jacobian
/// evaluations and LU factorisations in <see cref="SolverStats"/>.
/// </summary>
public sealed class StiffMethod
{
    private readonly Func<StiffRun, double[], SolveOutcome> _run;

    private StiffMethod(string name, int order, bool isAdaptive, Func<StiffRun, double[], SolveOutcome> run,
        bool takesFixedSteps = true, EsdirkTableau? esdirk = null)
    {
        Name = name;
        Order = order;
        IsAdaptive = isAdaptive;
        TakesFixedSteps = takesFixedSteps;
        ImplicitTableau = esdirk;
        _run = run;
    }

    /// <summary>The name <see cref="StiffMethods.Get"/> knows it by.</summary>
    public string Name { get; }

    /// <summary>The order of accuracy (the highest one for BDF).</summary>
    public int Order { get; }

    /// <summary>False for implicit Euler, which needs <see cref="SolveOptions.Dt"/>.</summary>
    public bool IsAdaptive { get; }

    /// <summary>Whether <see cref="SolveOptions.Dt"/> may fix the step (one-step methods; not BDF).</summary>
    public bool TakesFixedSteps { get; }

    /// <summary>The tableau of a diagonally implicit method, whose stages the discrete adjoint differentiates; else null.</summary>
    internal EsdirkTableau? ImplicitTableau { get; }

    internal SolveOutcome Run(StiffRun run, double[] initialStates) => _run(run, initialStates);

    internal static StiffMethod Rosenbrock(RosenbrockTableau tableau) =>
        new(tableau.Name, tableau.Order, isAdaptive: true,
            (run, states) => OneStepLoop.Run(run, new RosenbrockScheme(run.Problem, tableau), states));

    internal static StiffMethod Esdirk(EsdirkTableau tableau) =>
        new(tableau.Name, tableau.Order, tableau.ControllerOrder is not null,
            (run, states) => OneStepLoop.Run(run, new EsdirkScheme(run.Problem, tableau, run.StageObserver), states),
            esdirk: tableau);

    internal static StiffMethod BackwardDifferentiation(string name, int highestOrder = BdfCoefficients.MaxOrder) =>
        new(name, highestOrder, isAdaptive: true, (run, states) => BdfSolver.Run(run, states, highestOrder),
            takesFixedSteps: false);

    internal static StiffMethod Switching(string name, Func<StiffRun, double[], SolveOutcome> run) =>
        new(name, 4, isAdaptive: true, run, takesFixedSteps: false);

    public override string ToString() => Name;
}
