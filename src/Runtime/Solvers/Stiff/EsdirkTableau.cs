namespace OdeDsl.Runtime.Solvers.Stiff;

/// <summary>
/// A diagonally implicit Runge–Kutta method with one diagonal value γ: <c>Z_i = y + h Σ_{j≤i} a_ij k_j</c>,
/// <c>k_i = f(t + c_i h, Z_i)</c>. When <c>a_00 = 0</c> the first stage is explicit (ESDIRK) and is
/// <c>f(t, y)</c>. <see cref="ErrorWeights"/> are <c>b − b̂</c>; <c>null</c> for fixed-step methods.
/// </summary>
internal sealed record EsdirkTableau(
    string Name,
    int Order,
    int? ControllerOrder,
    double Gamma,
    double[] C,
    double[][] A,
    double[] B,
    double[]? ErrorWeights)
{
    public int Stages => B.Length;

    public bool FirstStageExplicit => A[0][0] == 0;

    private static readonly double TrBdf2Gamma = 2 - Math.Sqrt(2);
    private static readonly double TrBdf2D = TrBdf2Gamma / 2;
    private static readonly double TrBdf2W = Math.Sqrt(2) / 4;

    /// <summary>
    /// TR-BDF2 as an ESDIRK (Hosea &amp; Shampine 1996, "Analysis and implementation of TR-BDF2"):
    /// a trapezoidal stage to <c>t + γh</c>, then BDF2; order 2, L-stable, stiffly accurate, with an
    /// order-3 embedded solution (<c>b̂ = ((1 − w)/3, (3w + 1)/3, d/3)</c>).
    /// </summary>
    public static EsdirkTableau TrBdf2 { get; } = new(
        "trbdf2", Order: 2, ControllerOrder: 3, Gamma: TrBdf2D,
        C: [0, TrBdf2Gamma, 1],
        A:
        [
            [0, 0, 0],
            [TrBdf2D, TrBdf2D, 0],
            [TrBdf2W, TrBdf2W, TrBdf2D],
        ],
        B: [TrBdf2W, TrBdf2W, TrBdf2D],
        ErrorWeights: [TrBdf2W - (1 - TrBdf2W) / 3, TrBdf2W - (3 * TrBdf2W + 1) / 3, TrBdf2D - TrBdf2D / 3]);

    /// <summary>Backward Euler, <c>y_{n+1} = y_n + h·f(t + h, y_{n+1})</c>: order 1, L-stable, fixed steps.</summary>
    public static EsdirkTableau ImplicitEuler { get; } = new(
        "implicit-euler", Order: 1, ControllerOrder: null, Gamma: 1,
        C: [1], A: [[1]], B: [1], ErrorWeights: null);
}
