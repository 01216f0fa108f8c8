namespace OdeDsl.Runtime.Solvers;

/// <summary>
/// Work done by one solve. One function evaluation evaluates the right-hand side for the whole
/// batch (one kernel call), however many trajectories it holds.
/// </summary>
public readonly record struct SolverStats(int FunctionEvaluations, int AcceptedSteps, int RejectedSteps)
{
    public override string ToString() =>
        $"nfe={FunctionEvaluations}, accepted={AcceptedSteps}, rejected={RejectedSteps}";
}
