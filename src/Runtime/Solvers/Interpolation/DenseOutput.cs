namespace OdeDsl.Runtime.Solvers.Interpolation;

/// <summary>
/// A continuous extension of one step: <c>y(t + θh) = y_n + h·Σ_j w_j(θ)·k_j</c> for θ ∈ [0, 1], where
/// <c>k_j</c> are the step's stages, the end derivative <c>f(t + h, y_{n+1})</c> and any extra stages
/// (see <see cref="RungeKuttaMethod"/> for their layout). Writing every interpolant as stage weights
/// lets both backends evaluate it with the same linear combination they use for stages.
/// </summary>
public abstract class DenseOutput
{
    /// <summary>Order of the interpolant's local error, <c>O(h^(Order+1))</c>.</summary>
    public abstract int Order { get; }

    /// <summary>Nodes of stages evaluated only when a step has a save point inside it.</summary>
    public virtual IReadOnlyList<double> ExtraNodes => [];

    /// <summary>Coefficient rows of those extra stages, over all earlier stage registers.</summary>
    public virtual IReadOnlyList<double[]> ExtraCoefficients => [];

    /// <summary>Writes <c>w_j(θ)</c> for every stage register (the span is zeroed by the callee).</summary>
    public abstract void Weights(double theta, Span<double> weights);
}
