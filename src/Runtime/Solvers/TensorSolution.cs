using TorchSharp;

namespace OdeDsl.Runtime.Solvers;

/// <summary>
/// The result of a tensor-backend solve: <see cref="States"/> is <c>[saves, B, n]</c> on the solve's device
/// (only the save points reached, after a failure). Dispose it, or the solution, when done.
/// </summary>
public sealed class TensorSolution : IDisposable
{
    internal TensorSolution(IReadOnlyList<double> times, torch.Tensor? states, SolveOutcome outcome)
    {
        Times = times;
        States = states;
        Status = outcome.Status;
        Message = outcome.Message;
        Stats = outcome.Stats;
        SavedCount = outcome.SavedCount;
    }

    public IReadOnlyList<double> Times { get; }

    /// <summary><c>[SavedCount, B, n]</c>; <c>null</c> when the options were invalid.</summary>
    public torch.Tensor? States { get; }

    public SolveStatus Status { get; }

    public string Message { get; }

    public SolverStats Stats { get; }

    public int SavedCount { get; }

    public bool Succeeded => Status == SolveStatus.Success;

    public void Dispose() => States?.Dispose();
}
