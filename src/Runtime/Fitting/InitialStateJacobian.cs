using OdeDsl.Runtime.Systems;

namespace OdeDsl.Runtime.Fitting;

/// <summary>
/// <c>dz0/dθ</c> for the trainable entries that change the initial state (learnable initial values, or initial values
/// written in terms of parameters). Systems give no VJP of their initial values, so this uses central differences;
/// initial values are usually the parameter itself, where they are exact up to rounding.
/// </summary>
internal sealed class InitialStateJacobian
{
    private readonly IOdeSystem _system;
    private readonly int[] _affecting;

    /// <param name="candidates">The parameter indices that may be differentiated (all of them, or the trainable ones).</param>
    public InitialStateJacobian(IOdeSystem system, IEnumerable<int> candidates, double[] parameters)
    {
        _system = system;
        var baseline = InitialState(parameters);
        _affecting = [.. candidates.Where(index =>
        {
            var moved = (double[])parameters.Clone();
            moved[index] = parameters[index] * 1.5 + 0.25;
            return !InitialState(moved).SequenceEqual(baseline);
        })];
    }

    /// <summary>Adds <c>(dz0/dθ)ᵀ · <paramref name="stateGradient"/></c> to <paramref name="parameterGradient"/>.</summary>
    public void AddTransposeProduct(double[] parameters, ReadOnlySpan<double> stateGradient, Span<double> parameterGradient)
    {
        foreach (var index in _affecting)
        {
            var step = 1e-6 * Math.Max(1, Math.Abs(parameters[index]));
            var moved = (double[])parameters.Clone();
            moved[index] = parameters[index] + step;
            var up = InitialState(moved);
            moved[index] = parameters[index] - step;
            var down = InitialState(moved);
            for (var i = 0; i < up.Length; i++) parameterGradient[index] += stateGradient[i] * (up[i] - down[i]) / (2 * step);
        }
    }

    private double[] InitialState(double[] parameters)
    {
        var state = new double[_system.StateCount];
        _system.GetInitialState(parameters, state);
        return state;
    }
}
