namespace OdeDsl.Runtime.Solvers;

/// <summary>
/// What the integration loop reports, whatever the backend. <paramref name="NextStep"/> is the step size the
/// controller proposed after the last step (0 when none), so a solve continued from the end can start with it.
/// </summary>
internal readonly record struct SolveOutcome(SolveStatus Status, string Message, SolverStats Stats, int SavedCount,
    double NextStep = 0)
{
    public static SolveOutcome Invalid(string message) => new(SolveStatus.InvalidOptions, message, default, 0);

    /// <summary>Turns a failure into a <see cref="SolveException"/> when the caller asked for one.</summary>
    public void ThrowIfRequested(SolveOptions options)
    {
        if (options.ThrowOnFailure && Status != SolveStatus.Success)
            throw new SolveException(Status, Message);
    }
}
