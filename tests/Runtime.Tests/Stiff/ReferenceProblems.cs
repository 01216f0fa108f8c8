namespace OdeDsl.Runtime.Tests.Stiff;

/// <summary>
/// Problems of the IVP test set (Mazzia &amp; Magherini, "Test Set for IVP Solvers", release 2.4, 2008,
/// archimede.uniba.it/~testset) with their published reference solutions at the final time,
/// computed there with RADAU5/MEBDFI at tolerances near 1e-14 (see each problem's description).
/// </summary>
public sealed record ReferenceProblem(StiffTestSystem System, double T1, double[] Reference, double Atol)
{
    public override string ToString() => System.Name;

    /// <summary>Significant correct digits of the worst component: −log10 of max |y − ref| / |ref|.</summary>
    public double CorrectDigits(ReadOnlySpan<double> final)
    {
        var worst = 0.0;
        for (var i = 0; i < Reference.Length; i++)
            worst = Math.Max(worst, Math.Abs(final[i] - Reference[i]) / Math.Abs(Reference[i]));
        return -Math.Log10(Math.Max(worst, 1e-17));
    }

    /// <summary>Robertson's chemical reaction (test set "ROBER"), t ∈ [0, 1e11].</summary>
    public static ReferenceProblem Robertson() => new(new RobertsonSystem(), 1e11,
        [0.2083340149701255e-07, 0.8333360770334713e-13, 0.9999999791665050], Atol: 1e-20);

    /// <summary>High Irradiance RESponse (test set "HIRES"), t ∈ [0, 321.8122].</summary>
    public static ReferenceProblem Hires() => new(new HiresSystem(), 321.8122,
        [0.7371312573325668e-3, 0.1442485726316185e-3, 0.5888729740967575e-4, 0.1175651343283149e-2,
            0.2386356198831331e-2, 0.6238968252742796e-2, 0.2849998395185769e-2, 0.2850001604814231e-2], Atol: 1e-12);

    /// <summary>Van der Pol with μ = 1e3 in the test set's scaling, ε = 1/μ² = 1e-6 (test set "VDPOL"), t ∈ [0, 2].</summary>
    public static ReferenceProblem VanDerPol() => new(new VanDerPolSystem(), 2,
        [0.1706167732170483e1, -0.8928097010247975], Atol: 1e-10);

    /// <summary>The Oregonator (test set "OREGO"), t ∈ [0, 360].</summary>
    public static ReferenceProblem Oregonator() => new(new OregonatorSystem(), 360,
        [0.1000814870318523e1, 0.1228178521549917e4, 0.1320554942846706e3], Atol: 1e-10);

    public static IReadOnlyList<Func<ReferenceProblem>> All { get; } = [Robertson, Hires, VanDerPol, Oregonator];
}
