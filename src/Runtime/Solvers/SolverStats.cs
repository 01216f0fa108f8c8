namespace OdeDsl.Runtime.Solvers;

/// <summary>
/// Work done by one solve. One function evaluation evaluates the right-hand side for the whole
/// batch (one kernel call), however many trajectories it holds. Stiff methods also count Jacobian
/// evaluations (each a <c>[B, n, n]</c> batch; finite-difference ones add their <c>n</c> function
/// evaluations to <see cref="FunctionEvaluations"/>) and LU factorisations (of all <c>B</c> matrices).
/// </summary>
public readonly record struct SolverStats(int FunctionEvaluations, int AcceptedSteps, int RejectedSteps,
    int JacobianEvaluations = 0, int LuFactorizations = 0)
{
    public override string ToString() =>
        $"nfe={FunctionEvaluations}, accepted={AcceptedSteps}, rejected={RejectedSteps}" +
        (JacobianEvaluations + LuFactorizations > 0 ? $", jacobians={JacobianEvaluations}, lu={LuFactorizations}" : "");
}
