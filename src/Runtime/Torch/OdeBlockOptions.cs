using OdeDsl.Runtime.Solvers;

namespace OdeDsl.Runtime.Torch;

/// <summary>What an <see cref="OdeBlock"/> solves and how it differentiates the solve.</summary>
public sealed record OdeBlockOptions
{
    /// <summary>A name from <see cref="Methods.Names"/>.</summary>
    public string Method { get; init; } = "dopri5";

    public double T0 { get; init; }

    public double T1 { get; init; } = 1;

    /// <summary>Times whose states the block returns, monotone inside [T0, T1]; <c>null</c> means T0 and T1.</summary>
    public IReadOnlyList<double>? SaveAt { get; init; }

    public double Rtol { get; init; } = 1e-6;

    public double Atol { get; init; } = 1e-8;

    /// <summary>Tolerances of the adjoint's backward solve; <c>null</c> means the forward ones.</summary>
    public double? AdjointRtol { get; init; }

    public double? AdjointAtol { get; init; }

    /// <summary>
    /// Step size: makes every solve fixed-step (each interval between save times split into equal steps no longer
    /// than this); required for <see cref="OdeBlockGradient.Backpropagation"/> through a method without an error estimate.
    /// </summary>
    public double? Dt { get; init; }

    public int MaxSteps { get; init; } = 100_000;

    public OdeBlockGradient Gradient { get; init; } = OdeBlockGradient.Adjoint;

    internal IReadOnlyList<double> SaveTimes => SaveAt ?? [T0, T1];

    internal SolveOptions Forward(double t0, double t1, IReadOnlyList<double>? saveAt) => new()
    {
        Method = Method, T0 = t0, T1 = t1, SaveAt = saveAt, Rtol = Rtol, Atol = Atol, Dt = Dt, MaxSteps = MaxSteps,
        ThrowOnFailure = true,
    };

    internal SolveOptions Backward(double t0, double t1) => Forward(t0, t1, null) with
    {
        Rtol = AdjointRtol ?? Rtol, Atol = AdjointAtol ?? Atol,
    };
}
