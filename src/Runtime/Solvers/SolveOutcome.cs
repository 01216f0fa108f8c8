namespace OdeDsl.Runtime.Solvers;

/// <summary>What the integration loop reports, whatever the backend.</summary>
internal readonly record struct SolveOutcome(SolveStatus Status, string Message, SolverStats Stats, int SavedCount)
{
    public static SolveOutcome Invalid(string message) => new(SolveStatus.InvalidOptions, message, default, 0);

    /// <summary>Turns a failure into a <see cref="SolveException"/> when the caller asked for one.</summary>
    public void ThrowIfRequested(SolveOptions options)
    {
        if (options.ThrowOnFailure && Status != SolveStatus.Success)
            throw new SolveException(Status, Message);
    }
}
