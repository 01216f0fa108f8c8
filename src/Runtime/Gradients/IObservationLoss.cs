namespace OdeDsl.Runtime.Gradients;

/// <summary>
/// A loss on the solution at the observation times (the forward solve's save times), for the span backend.
/// </summary>
public interface IObservationLoss
{
    /// <summary>
    /// Returns <c>L</c> and writes <c>∂L/∂z(t_i)</c>. <paramref name="states"/> and <paramref name="stateGradients"/> are
    /// <c>[saves, B, n]</c> row-major (the gradients arrive zeroed); <paramref name="parameterGradients"/> (<c>[p]</c>,
    /// zeroed) takes any direct dependence of the loss on θ, for example through observation outputs.
    /// </summary>
    double Evaluate(IReadOnlyList<double> times, ReadOnlySpan<double> states, int trajectories,
        ReadOnlySpan<double> parameters, Span<double> stateGradients, Span<double> parameterGradients);
}
