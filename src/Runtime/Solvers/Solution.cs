namespace OdeDsl.Runtime.Solvers;

/// <summary>
/// The result of a span-backend solve: states at the save times as one row-major <c>[saves, B, n]</c>
/// array. After a failure, only the first <see cref="SavedCount"/> save points hold values.
/// </summary>
public sealed class Solution<T>
{
    internal Solution(IReadOnlyList<double> times, T[] states, int trajectories, int stateCount, SolveOutcome outcome)
    {
        Times = times;
        States = states;
        Trajectories = trajectories;
        StateCount = stateCount;
        Status = outcome.Status;
        Message = outcome.Message;
        Stats = outcome.Stats;
        SavedCount = outcome.SavedCount;
    }

    public IReadOnlyList<double> Times { get; }

    /// <summary><c>[saves, B, n]</c>, row-major.</summary>
    public T[] States { get; }

    public int Trajectories { get; }

    public int StateCount { get; }

    public SolveStatus Status { get; }

    /// <summary>Empty on success; otherwise what went wrong, where and when.</summary>
    public string Message { get; }

    public SolverStats Stats { get; }

    /// <summary>How many save points were reached.</summary>
    public int SavedCount { get; }

    public bool Succeeded => Status == SolveStatus.Success;

    /// <summary>The state of <paramref name="trajectory"/> at save point <paramref name="save"/>.</summary>
    public ReadOnlySpan<T> State(int save, int trajectory = 0) =>
        States.AsSpan((save * Trajectories + trajectory) * StateCount, StateCount);
}
