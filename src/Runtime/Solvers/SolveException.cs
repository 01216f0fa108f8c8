namespace OdeDsl.Runtime.Solvers;

/// <summary>A failed solve, thrown only when <see cref="SolveOptions.ThrowOnFailure"/> asks for it.</summary>
public sealed class SolveException(SolveStatus status, string message) : Exception(message)
{
    public SolveStatus Status { get; } = status;
}
