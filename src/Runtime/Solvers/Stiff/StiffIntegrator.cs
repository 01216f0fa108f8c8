using OdeDsl.Runtime.Systems;

namespace OdeDsl.Runtime.Solvers.Stiff;

/// <summary>The stiff half of <see cref="Integrator"/>: validates, runs a <see cref="StiffMethod"/>, packs the solution.</summary>
internal static class StiffIntegrator
{
    public static (double[] Saved, int Trajectories, double[] SaveTimes, SolveOutcome Outcome) Solve(IOdeSystem system,
        ReadOnlySpan<double> initialStates, ReadOnlySpan<double> parameters, SolveOptions options, StiffMethod method)
    {
        var n = system.StateCount;
        var problem = SolveOptionsValidation.ValidateCommon(options, n, 2.220446049250313e-16, method.Name,
            method.IsAdaptive, out var saveTimes);
        if (problem is null && options.Dt is not null && method.IsAdaptive)
            problem = SolveMessages.StiffNoFixedStep(method.Name);
        if (problem is not null)
            return ([], 0, saveTimes, SolveOutcome.Invalid(problem));
        var trajectories = initialStates.Length / n;
        var stiffProblem = new StiffProblem(system, parameters, n, trajectories, options.Rtol, options.Atol);
        var run = new StiffRun(stiffProblem, options, saveTimes, system.StateNames);
        var outcome = method.Run(run, initialStates.ToArray());
        return (run.Saved, trajectories, saveTimes, outcome);
    }
}
