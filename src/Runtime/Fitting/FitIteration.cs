namespace OdeDsl.Runtime.Fitting;

/// <summary>
/// One iteration of a fit: the objective at the start of the iteration, the kernel evaluations it took (forward
/// and backward, summed over its solves), and its wall time.
/// </summary>
public sealed record FitIteration(int Iteration, int Iterations, double Loss, long ForwardEvaluations,
    long BackwardEvaluations, TimeSpan Duration);
