namespace OdeDsl.Runtime.Solvers.Stiff;

/// <summary>Shared settings of the simplified Newton iterations of the implicit methods.</summary>
internal static class NewtonSettings
{
    /// <summary>
    /// Hairer's stopping tolerance for the iteration error, in the scaled norm where 1 is the
    /// local error tolerance (Hairer &amp; Wanner II, IV.8): well below it, but not below what rtol resolves.
    /// </summary>
    public static double Tolerance(double rtol) => Math.Max(10 * 2.220446049250313e-16 / rtol, Math.Min(0.03, Math.Sqrt(rtol)));

    /// <summary>A contraction rate at or above this counts as divergence.</summary>
    public const double DivergentRate = 0.9;
}
