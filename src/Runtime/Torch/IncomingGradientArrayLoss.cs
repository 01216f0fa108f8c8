using OdeDsl.Runtime.Gradients;

namespace OdeDsl.Runtime.Torch;

/// <summary>
/// <see cref="IncomingGradientLoss"/> for the span backend: <c>L = Σ_i ⟨g_i, z(t_i)⟩</c> with <c>g</c> (<c>[saves, B, n]</c>
/// row-major) the gradient arriving from the rest of the network, so <c>∂L/∂z(t_i) = g_i</c>.
/// </summary>
internal sealed class IncomingGradientArrayLoss(double[] incoming) : IObservationLoss
{
    public double Evaluate(IReadOnlyList<double> times, ReadOnlySpan<double> states, int trajectories,
        ReadOnlySpan<double> parameters, Span<double> stateGradients, Span<double> parameterGradients)
    {
        incoming.CopyTo(stateGradients);
        var loss = 0.0;
        for (var k = 0; k < incoming.Length; k++)
            loss += incoming[k] * states[k];
        return loss;
    }
}
