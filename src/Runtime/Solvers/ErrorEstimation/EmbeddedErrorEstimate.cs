using OdeDsl.Runtime.Solvers.Backends;

namespace OdeDsl.Runtime.Solvers.ErrorEstimation;

/// <summary>
/// The difference between the solution and an embedded lower-order solution, <c>h·Σ (b − b̂)_j k_j</c>,
/// measured in the scaled RMS norm (Hairer, Nørsett &amp; Wanner I, II.4).
/// </summary>
public sealed class EmbeddedErrorEstimate(double[] weights, int embeddedOrder) : ErrorEstimate
{
    private readonly double[] _weights = CheckSumsToZero(weights);
    private readonly int[] _terms = StageTerms.NonZero(weights);

    /// <summary><c>b − b̂</c> over the stages.</summary>
    public IReadOnlyList<double> Weights => _weights;

    public int EmbeddedOrder { get; } = embeddedOrder;

    public override int ControllerOrder => EmbeddedOrder + 1;

    internal override double Norm(IStepBackend backend, double h, Span<double> workspace, out int worstTrajectory)
    {
        var sums = workspace[..backend.Trajectories];
        backend.SumScaledSquares(h, _weights, _terms, sums);
        var n = backend.StateCount;
        for (var b = 0; b < sums.Length; b++)
            sums[b] = Math.Sqrt(sums[b] / n);
        return MaxOver(sums, out worstTrajectory);
    }

    private static double[] CheckSumsToZero(double[] weights)
    {
        if (Math.Abs(weights.Sum()) > 1e-12)
            throw new ArgumentException($"error weights b − b̂ must sum to 0, not {weights.Sum()}.");
        return weights;
    }
}
