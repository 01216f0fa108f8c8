namespace OdeDsl.Runtime.Solvers.Tableaux;

/// <summary>
/// The explicit Runge–Kutta tableaux, as published. DOP853's nodes and coefficients are Hairer's
/// (dop853.f, Hairer, Nørsett &amp; Wanner, <i>Solving ODEs I</i>, 2nd ed.); its three extra stages for
/// dense output live in <see cref="Interpolation.HairerDenseOutput"/>.
/// </summary>
public static class ExplicitTableaux
{
    public static readonly ButcherTableau Euler = new(
        name: nameof(Euler), order: 1,
        c: [0],
        a: [[]],
        b: [1]);

    public static readonly ButcherTableau Midpoint = new(
        name: nameof(Midpoint), order: 2,
        c: [0, 1 / 2.0],
        a: [[], [1 / 2.0]],
        b: [0, 1]);

    /// <summary>Heun's method (explicit trapezoid).</summary>
    public static readonly ButcherTableau Heun = new(
        name: nameof(Heun), order: 2,
        c: [0, 1],
        a: [[], [1]],
        b: [1 / 2.0, 1 / 2.0]);

    /// <summary>The classical fourth-order method.</summary>
    public static readonly ButcherTableau RungeKutta4 = new(
        name: nameof(RungeKutta4), order: 4,
        c: [0, 1 / 2.0, 1 / 2.0, 1],
        a: [[], [1 / 2.0], [0, 1 / 2.0], [0, 0, 1]],
        b: [1 / 6.0, 1 / 3.0, 1 / 3.0, 1 / 6.0]);

    /// <summary>Bogacki &amp; Shampine (1989), 3(2), FSAL.</summary>
    public static readonly ButcherTableau BogackiShampine32 = new(
        name: nameof(BogackiShampine32), order: 3,
        c: [0, 1 / 2.0, 3 / 4.0, 1],
        a: [[], [1 / 2.0], [0, 3 / 4.0], [2 / 9.0, 1 / 3.0, 4 / 9.0]],
        b: [2 / 9.0, 1 / 3.0, 4 / 9.0, 0]);

    /// <summary>Dormand &amp; Prince (1980), 5(4), FSAL.</summary>
    public static readonly ButcherTableau DormandPrince54 = new(
        name: nameof(DormandPrince54), order: 5,
        c: [0, 1 / 5.0, 3 / 10.0, 4 / 5.0, 8 / 9.0, 1, 1],
        a:
        [
            [],
            [1 / 5.0],
            [3 / 40.0, 9 / 40.0],
            [44 / 45.0, -56 / 15.0, 32 / 9.0],
            [19372 / 6561.0, -25360 / 2187.0, 64448 / 6561.0, -212 / 729.0],
            [9017 / 3168.0, -355 / 33.0, 46732 / 5247.0, 49 / 176.0, -5103 / 18656.0],
            [35 / 384.0, 0, 500 / 1113.0, 125 / 192.0, -2187 / 6784.0, 11 / 84.0],
        ],
        b: [35 / 384.0, 0, 500 / 1113.0, 125 / 192.0, -2187 / 6784.0, 11 / 84.0, 0]);

    /// <summary>Tsitouras (2011), "Runge–Kutta pairs of order 5(4) satisfying only the first column simplifying assumption", FSAL.</summary>
    public static readonly ButcherTableau Tsitouras54 = new(
        name: nameof(Tsitouras54), order: 5,
        c: [0, 0.161, 0.327, 0.9, 0.9800255409045097, 1, 1],
        a:
        [
            [],
            [0.161],
            [-0.008480655492356989, 0.335480655492357],
            [2.8971530571054935, -6.359448489975075, 4.3622954328695815],
            [5.325864828439257, -11.748883564062828, 7.4955393428898365, -0.09249506636175525],
            [5.86145544294642, -12.92096931784711, 8.159367898576159, -0.071584973281401, -0.028269050394068383],
            [0.09646076681806523, 0.01, 0.4798896504144996, 1.379008574103742, -3.290069515436081, 2.324710524099774],
        ],
        b: [0.09646076681806523, 0.01, 0.4798896504144996, 1.379008574103742, -3.290069515436081, 2.324710524099774, 0]);

    /// <summary>
    /// Dormand &amp; Prince's 8(5,3) as in Hairer's DOP853: twelve stages; the thirteenth evaluation,
    /// <c>f(t + h, y_{n+1})</c>, is taken after acceptance and starts the next step.
    /// </summary>
    public static readonly ButcherTableau DormandPrince853 = new(
        name: nameof(DormandPrince853), order: 8,
        c: Dop853Coefficients.C[..12],
        a: Dop853Coefficients.A[..12],
        b: Dop853Coefficients.B);
}
