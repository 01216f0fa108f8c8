namespace OdeDsl.Runtime.Gradients;

/// <summary>
/// <c>L = ½ Σ (z − target)²</c> over every save point, trajectory and state whose target is not NaN (NaN marks a
/// missing value). Targets are <c>[saves, B, n]</c> like the solution.
/// </summary>
public sealed class SquaredErrorLoss(double[] targets) : IObservationLoss
{
    public double Evaluate(IReadOnlyList<double> times, ReadOnlySpan<double> states, int trajectories,
        ReadOnlySpan<double> parameters, Span<double> stateGradients, Span<double> parameterGradients)
    {
        if (targets.Length != states.Length)
            throw new ArgumentException($"the targets have {targets.Length} values, but the solution has {states.Length}");
        var loss = 0.0;
        for (var i = 0; i < states.Length; i++)
        {
            if (double.IsNaN(targets[i]))
                continue;
            var residual = states[i] - targets[i];
            loss += 0.5 * residual * residual;
            stateGradients[i] = residual;
        }
        return loss;
    }
}
