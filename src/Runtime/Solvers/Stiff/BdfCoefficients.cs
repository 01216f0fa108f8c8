namespace OdeDsl.Runtime.Solvers.Stiff;

/// <summary>
/// The fixed-leading-coefficient BDF/NDF formulas of orders 1–5 in backward-difference form
/// (Shampine &amp; Reichelt 1997, "The MATLAB ODE Suite"; as in SciPy's BDF). With κ = 0 they are the
/// classic BDFs; the κ of the NDFs trade a little stability for a smaller error constant.
/// </summary>
internal static class BdfCoefficients
{
    public const int MaxOrder = 5;

    /// <summary>κ_k; the order-5 formula stays a plain BDF (no NDF is stable enough there).</summary>
    public static readonly double[] Kappa = [0, -0.1850, -1 / 9.0, -0.0823, -0.0415, 0];

    /// <summary>γ_k = Σ_{j=1..k} 1/j.</summary>
    public static readonly double[] Gamma = BuildGamma();

    /// <summary>α_k = (1 − κ_k)·γ_k, the leading coefficient.</summary>
    public static readonly double[] Alpha = [.. Enumerable.Range(0, MaxOrder + 1).Select(k => (1 - Kappa[k]) * Gamma[k])];

    /// <summary>The local error of order k is <c>ErrorConstant[k]·d</c>, d the Newton correction.</summary>
    public static readonly double[] ErrorConstant =
        [.. Enumerable.Range(0, MaxOrder + 2).Select(k => (k <= MaxOrder ? Kappa[k] * Gamma[k] : 0) + 1.0 / (k + 1))];

    private static double[] BuildGamma()
    {
        var gamma = new double[MaxOrder + 1];
        for (var k = 1; k <= MaxOrder; k++)
            gamma[k] = gamma[k - 1] + 1.0 / k;
        return gamma;
    }
}
