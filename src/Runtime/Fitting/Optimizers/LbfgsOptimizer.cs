namespace OdeDsl.Runtime.Fitting.Optimizers;

/// <summary>
/// Limited-memory BFGS (Nocedal and Wright, Algorithm 7.4: the two-loop recursion over the last
/// <see cref="Memory"/> curvature pairs) with a backtracking line search on the Armijo condition. The first
/// step has length <c>learningRate</c> along the steepest descent; later steps start at the quasi-Newton step.
/// </summary>
internal sealed class LbfgsOptimizer(double learningRate, OptimizerState state)
{
    private const int Memory = 10;
    private const int MaxHalvings = 40;
    private const double Armijo = 1e-4;

    public OptimizerState State => state;

    /// <summary>
    /// One quasi-Newton step from <paramref name="u"/>; false when no step decreases the loss. A trial must
    /// lower the loss strictly: near the optimum the Armijo bound <c>loss + c·size·slope</c> rounds to
    /// <c>loss</c>, and accepting equal losses would keep the fit searching at round-off forever.
    /// </summary>
    public bool Step(double[] u, double loss, double[] gradient, Objective objective)
    {
        var direction = Direction(gradient);
        var slope = Dot(gradient, direction);
        if (!(slope < 0))
        {
            state.StepDifferences.Clear();
            state.GradientDifferences.Clear();
            direction = [.. gradient.Select(g => -g)];
            slope = Dot(gradient, direction);
        }
        if (slope == 0) return false;
        var size = state.StepDifferences.Count == 0 ? learningRate / Math.Max(1, Math.Sqrt(-slope)) : 1.0;
        for (var halving = 0; halving < MaxHalvings; halving++, size /= 2)
        {
            var trial = u.Select((value, i) => value + size * direction[i]).ToArray();
            // A step too short to move any coordinate cannot lower the loss; stop halving.
            if (trial.AsSpan().SequenceEqual(u)) return false;
            if (objective(trial) is not var (trialLoss, trialGradient) || !double.IsFinite(trialLoss)
                || trialLoss > loss + Armijo * size * slope || !(trialLoss < loss))
                continue;
            var step = trial.Select((value, i) => value - u[i]).ToArray();
            var change = trialGradient.Select((value, i) => value - gradient[i]).ToArray();
            if (Dot(step, change) > 1e-12 * Math.Sqrt(Dot(step, step) * Dot(change, change)))
            {
                state.StepDifferences.Add(step);
                state.GradientDifferences.Add(change);
                if (state.StepDifferences.Count > Memory)
                {
                    state.StepDifferences.RemoveAt(0);
                    state.GradientDifferences.RemoveAt(0);
                }
            }
            trial.CopyTo(u, 0);
            state.StepSize = size;
            state.Step++;
            return true;
        }
        return false;
    }

    private double[] Direction(double[] gradient)
    {
        var (s, y) = (state.StepDifferences, state.GradientDifferences);
        var q = (double[])gradient.Clone();
        var alpha = new double[s.Count];
        for (var i = s.Count - 1; i >= 0; i--)
        {
            alpha[i] = Dot(s[i], q) / Dot(y[i], s[i]);
            for (var j = 0; j < q.Length; j++) q[j] -= alpha[i] * y[i][j];
        }
        var scale = s.Count == 0 ? 1 : Dot(s[^1], y[^1]) / Dot(y[^1], y[^1]);
        for (var j = 0; j < q.Length; j++) q[j] *= scale;
        for (var i = 0; i < s.Count; i++)
        {
            var beta = Dot(y[i], q) / Dot(y[i], s[i]);
            for (var j = 0; j < q.Length; j++) q[j] += (alpha[i] - beta) * s[i][j];
        }
        for (var j = 0; j < q.Length; j++) q[j] = -q[j];
        return q;
    }

    private static double Dot(double[] a, double[] b)
    {
        var sum = 0.0;
        for (var i = 0; i < a.Length; i++) sum += a[i] * b[i];
        return sum;
    }
}
