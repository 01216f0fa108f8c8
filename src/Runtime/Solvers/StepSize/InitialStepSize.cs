using OdeDsl.Runtime.Solvers.Backends;

namespace OdeDsl.Runtime.Solvers.StepSize;

/// <summary>
/// Hairer's starting step (Hairer, Nørsett &amp; Wanner I, II.4, p. 169): a first guess
/// <c>h0 = 0.01·‖y0‖/‖f0‖</c>, an explicit Euler probe to estimate the second derivative, then
/// <c>h1 = (0.01 / max(‖f0‖, ‖f″‖))^(1/(p+1))</c> and <c>h = min(100·h0, h1)</c>. Norms are the scaled RMS
/// norms of the error control; for a batch each trajectory proposes its own step and the smallest wins.
/// Costs one function evaluation. Expects <c>stage[0] = f(t0, y0)</c> and uses stage 1 as scratch.
/// </summary>
internal static class InitialStepSize
{
    public static double Select(IStepBackend backend, double t0, double direction, int order, double maxStep,
        Span<double> workspace)
    {
        var trajectories = backend.Trajectories;
        var n = backend.StateCount;
        var stateNorms = workspace[..trajectories];
        var derivativeNorms = workspace.Slice(trajectories, trajectories);

        // Scale by |y0| alone: the candidate register mirrors the current state during the probe.
        backend.Copy(StateRegister.Candidate, StateRegister.Current);
        backend.SumScaledSquares(StateRegister.Current, stateNorms);
        backend.SumScaledSquares(1, [1.0], [0], derivativeNorms);

        var h0 = maxStep;
        for (var b = 0; b < trajectories; b++)
        {
            var d0 = Math.Sqrt(stateNorms[b] / n);
            var d1 = Math.Sqrt(derivativeNorms[b] / n);
            derivativeNorms[b] = d1;
            var proposal = d0 < 1e-5 || d1 < 1e-5 ? 1e-6 : 0.01 * d0 / d1;
            h0 = Math.Min(h0, proposal);
        }

        // Explicit Euler probe: ‖f(t0 + h0, y0 + h0·f0) − f0‖ / h0 estimates ‖y″‖.
        backend.Combine(StateRegister.StageInput, StateRegister.Current, direction * h0, [1.0], [0]);
        backend.Evaluate(t0 + direction * h0, StateRegister.StageInput, stage: 1);
        backend.SumScaledSquares(1 / h0, [-1.0, 1.0], [0, 1], stateNorms);

        var h = 100 * h0;
        for (var b = 0; b < trajectories; b++)
        {
            var d1 = derivativeNorms[b];
            var d2 = Math.Sqrt(stateNorms[b] / n);
            var largest = Math.Max(d1, d2);
            var proposal = largest <= 1e-15 || !double.IsFinite(largest)
                ? Math.Max(1e-6, h0 * 1e-3)
                : Math.Pow(0.01 / largest, 1.0 / (order + 1));
            h = Math.Min(h, proposal);
        }
        return Math.Min(h, maxStep);
    }
}
