namespace OdeDsl.Runtime.Solvers.Stiff;

/// <summary>
/// A Rosenbrock method in the form of Hairer &amp; Wanner II (IV.7.4) as the KPP/FATODE codes write it:
/// <c>(I − hγJ)·k_i = hγ·(f(t + α_i h, y + Σ_j a_ij k_j) + Σ_j (c_ij/h)·k_j + γ_i·h·∂f/∂t)</c>,
/// <c>y_{n+1} = y + Σ m_j k_j</c>, error <c>Σ e_j k_j</c>. Lower-triangular rows hold only <c>j &lt; i</c>.
/// </summary>
internal sealed record RosenbrockTableau(
    string Name,
    int Order,
    int EmbeddedOrder,
    double Gamma,
    double[] Alpha,
    double[] GammaSums,
    double[][] A,
    double[][] C,
    double[] M,
    double[] E)
{
    public int Stages => M.Length;

    /// <summary>
    /// Rodas4 (Hairer &amp; Wanner II, IV.7; coefficients of rodas.f as transcribed in FATODE's ROS
    /// integrator): 6 stages, order 4 with an order-3 embedded solution, L-stable and stiffly accurate.
    /// </summary>
    public static RosenbrockTableau Rodas4 { get; } = new(
        "rodas4", Order: 4, EmbeddedOrder: 3, Gamma: 0.25,
        Alpha: [0, 0.386, 0.21, 0.63, 1, 1],
        GammaSums: [0.25, -0.1043, 0.1035, -0.3620000000000023e-01, 0, 0],
        A:
        [
            [],
            [1.544],
            [0.9466785280815826, 0.2557011698983284],
            [3.314825187068521, 2.896124015972201, 0.9986419139977817],
            [1.221224509226641, 6.019134481288629, 12.53708332932087, -0.6878860361058950],
            [1.221224509226641, 6.019134481288629, 12.53708332932087, -0.6878860361058950, 1],
        ],
        C:
        [
            [],
            [-5.6688],
            [-2.430093356833875, -0.2063599157091915],
            [-0.1073529058151375, -9.594562251023355, -20.47028614809616],
            [7.496443313967647, -10.24680431464352, -33.99990352819905, 11.70890893206160],
            [8.083246795921522, -7.981132988064893, -31.52159432874371, 16.31930543123136, -6.058818238834054],
        ],
        M: [1.221224509226641, 6.019134481288629, 12.53708332932087, -0.6878860361058950, 1, 1],
        E: [0, 0, 0, 0, 0, 1]);
}
