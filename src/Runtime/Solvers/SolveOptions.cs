namespace OdeDsl.Runtime.Solvers;

/// <summary>
/// What to solve and how. Integrates from <see cref="T0"/> to <see cref="T1"/> (backwards when
/// <c>T1 &lt; T0</c>) and reports the state at <see cref="SaveAt"/>.
/// </summary>
public sealed record SolveOptions
{
    /// <summary>
    /// A name from <see cref="Methods.Names"/>: dopri5, tsit5, dop853, bosh3 (adaptive); rk4, euler, midpoint, heun
    /// (fixed step); or from <see cref="Stiff.StiffMethods.Names"/>: rodas4, trbdf2, bdf, auto (adaptive), implicit-euler (fixed step).
    /// </summary>
    public string Method { get; init; } = "dopri5";

    public double T0 { get; init; }

    public double T1 { get; init; } = 1;

    /// <summary>Times to report, monotone in the direction of integration and inside [T0, T1]; <c>null</c> means T0 and T1.</summary>
    public IReadOnlyList<double>? SaveAt { get; init; }

    /// <summary>Relative tolerance (&gt; 0), scalar or per state.</summary>
    public Tolerance Rtol { get; init; } = 1e-6;

    /// <summary>Absolute tolerance (&gt; 0), scalar or per state.</summary>
    public Tolerance Atol { get; init; } = 1e-9;

    /// <summary>Fixed step size (&gt; 0): required by fixed-step methods; switches adaptive ones to fixed steps.</summary>
    public double? Dt { get; init; }

    /// <summary>First step size (&gt; 0) instead of Hairer's automatic choice.</summary>
    public double? FirstStep { get; init; }

    /// <summary>Largest step size allowed (&gt; 0).</summary>
    public double MaxStep { get; init; } = double.PositiveInfinity;

    /// <summary>Most steps, accepted and rejected together, before the solve gives up.</summary>
    public int MaxSteps { get; init; } = 100_000;

    /// <summary>Throw a <see cref="SolveException"/> on failure instead of returning a failed solution.</summary>
    public bool ThrowOnFailure { get; init; }
}
