namespace OdeDsl.Runtime.Fitting.Optimizers;

/// <summary>
/// Adam as torch.optim.Adam computes it (no weight decay, no amsgrad), written out so that its whole state
/// (<see cref="State"/>) goes into checkpoints and a resumed fit continues bit for bit.
/// </summary>
internal sealed class AdamOptimizer(double learningRate, OptimizerState state)
{
    private const double Beta1 = 0.9;
    private const double Beta2 = 0.999;
    private const double Epsilon = 1e-8;

    public OptimizerState State => state;

    public void Step(double[] u, double[] gradient)
    {
        var m = state.First ??= new double[u.Length];
        var v = state.Second ??= new double[u.Length];
        state.Step++;
        var correction1 = 1 - Math.Pow(Beta1, state.Step);
        var correction2 = 1 - Math.Pow(Beta2, state.Step);
        for (var i = 0; i < u.Length; i++)
        {
            m[i] = Beta1 * m[i] + (1 - Beta1) * gradient[i];
            v[i] = Beta2 * v[i] + (1 - Beta2) * gradient[i] * gradient[i];
            var denominator = Math.Sqrt(v[i]) / Math.Sqrt(correction2) + Epsilon;
            u[i] -= learningRate / correction1 * m[i] / denominator;
        }
    }
}
