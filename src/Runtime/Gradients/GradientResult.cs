using OdeDsl.Runtime.Solvers;

namespace OdeDsl.Runtime.Gradients;

/// <summary>
/// The loss and its gradients. On failure (<see cref="Succeeded"/> false) <see cref="Message"/> says what went wrong
/// and where; the gradient arrays are then zero.
/// </summary>
public sealed class GradientResult
{
    internal GradientResult(double loss, double[] initialStates, double[] parameters, double t0, double t1,
        GradientStats stats, SolveStatus status, string message)
    {
        Loss = loss;
        InitialStates = initialStates;
        Parameters = parameters;
        T0 = t0;
        T1 = t1;
        Stats = stats;
        Status = status;
        Message = message;
    }

    public double Loss { get; }

    /// <summary><c>dL/dz(t0)</c>, <c>[B, n]</c> row-major.</summary>
    public double[] InitialStates { get; }

    /// <summary><c>dL/dθ</c>, <c>[p]</c>, summed over the batch.</summary>
    public double[] Parameters { get; }

    /// <summary><c>dL/dt0</c>: the start moves, observation times strictly inside <c>(t0, t1)</c> stay.</summary>
    public double T0 { get; }

    /// <summary><c>dL/dt1</c>: the end moves, and an observation at <c>t1</c> moves with it.</summary>
    public double T1 { get; }

    public GradientStats Stats { get; }

    public SolveStatus Status { get; }

    public string Message { get; }

    public bool Succeeded => Status == SolveStatus.Success;
}
