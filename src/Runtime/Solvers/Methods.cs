using System.Diagnostics.CodeAnalysis;
using OdeDsl.Runtime.Solvers.ErrorEstimation;
using OdeDsl.Runtime.Solvers.Interpolation;
using OdeDsl.Runtime.Solvers.Stiff;
using OdeDsl.Runtime.Solvers.Tableaux;

namespace OdeDsl.Runtime.Solvers;

/// <summary>The explicit solvers by the short names options and the command line use; stiff ones are in <see cref="StiffMethods"/>.</summary>
public static class Methods
{
    public static readonly RungeKuttaMethod Euler = new("euler", ExplicitTableaux.Euler, errorEstimate: null);

    public static readonly RungeKuttaMethod Midpoint = new("midpoint", ExplicitTableaux.Midpoint, errorEstimate: null);

    public static readonly RungeKuttaMethod Heun = new("heun", ExplicitTableaux.Heun, errorEstimate: null);

    public static readonly RungeKuttaMethod RungeKutta4 = new("rk4", ExplicitTableaux.RungeKutta4, errorEstimate: null);

    public static readonly RungeKuttaMethod BogackiShampine32 = new("bosh3", ExplicitTableaux.BogackiShampine32,
        new EmbeddedErrorEstimate([2 / 9.0 - 7 / 24.0, 1 / 3.0 - 1 / 4.0, 4 / 9.0 - 1 / 3.0, -1 / 8.0], embeddedOrder: 2));

    public static readonly RungeKuttaMethod DormandPrince54 = new("dopri5", ExplicitTableaux.DormandPrince54,
        new EmbeddedErrorEstimate(
            [35 / 384.0 - 5179 / 57600.0, 0, 500 / 1113.0 - 7571 / 16695.0, 125 / 192.0 - 393 / 640.0,
                -2187 / 6784.0 + 92097 / 339200.0, 11 / 84.0 - 187 / 2100.0, -1 / 40.0],
            embeddedOrder: 4),
        tableau => HairerDenseOutput.DormandPrince54(tableau));

    public static readonly RungeKuttaMethod Tsitouras54 = new("tsit5", ExplicitTableaux.Tsitouras54,
        new EmbeddedErrorEstimate(
            [-0.00178001105222577714, -0.0008164344596567469, 0.007880878010261995, -0.1447110071732629,
                0.5823571654525552, -0.45808210592918697, 1 / 66.0],
            embeddedOrder: 4),
        _ => TsitourasDenseOutput.Instance);

    public static readonly RungeKuttaMethod DormandPrince853 = new("dop853", ExplicitTableaux.DormandPrince853,
        Dop853ErrorEstimate.Instance,
        tableau => HairerDenseOutput.DormandPrince853(tableau));

    public static IReadOnlyList<RungeKuttaMethod> All { get; } =
        [Euler, Midpoint, Heun, RungeKutta4, BogackiShampine32, DormandPrince54, Tsitouras54, DormandPrince853];

    public static IReadOnlyList<string> Names { get; } = [.. All.Select(m => m.Name)];

    /// <summary>The method called <paramref name="name"/> (case-insensitive).</summary>
    /// <exception cref="ArgumentException">No method has that name; the message lists the valid ones.</exception>
    public static RungeKuttaMethod Get(string name) =>
        TryGet(name, out var method)
            ? method
            : throw new ArgumentException(UnknownMethodMessage(name), nameof(name));

    public static bool TryGet(string name, [MaybeNullWhen(false)] out RungeKuttaMethod method)
    {
        foreach (var candidate in All)
        {
            if (string.Equals(candidate.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                method = candidate;
                return true;
            }
        }
        method = null;
        return false;
    }

    /// <summary>Whether <paramref name="name"/> names an explicit or a stiff method.</summary>
    public static bool IsKnown(string name) => TryGet(name, out _) || StiffMethods.TryGet(name, out _);

    internal static string UnknownMethodMessage(string name) =>
        $"unknown method '{name}'; valid methods are {string.Join(", ", Names)} and the stiff {string.Join(", ", StiffMethods.Names)}.";
}
