using System.Collections.Immutable;

namespace OdeDsl.Language.Binding;

/// <summary>
/// `meth` values: the runtime's own method names, and XPPAUT's methods and abbreviations mapped
/// to the closest runtime method (documented in docs/language.md). Stiff XPPAUT methods map to
/// the runtime's stiff methods: Rosenbrock `rodas4`, Gear/CVODE `bdf`, backward Euler `implicit-euler`.
/// </summary>
public static class SolverMethods
{
    /// <summary>The runtime's method names.</summary>
    public static ImmutableArray<string> RuntimeNames { get; } =
        ["euler", "midpoint", "heun", "rk4", "bosh3", "dopri5", "tsit5", "dop853", "rodas4", "trbdf2", "bdf", "implicit-euler", "auto"];

    /// <summary>Every accepted `meth` spelling (case-insensitive, as in XPPAUT) and its runtime method.</summary>
    public static ImmutableDictionary<string, string> ByName { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        // The runtime's own names.
        ["euler"] = "euler",
        ["midpoint"] = "midpoint",
        ["heun"] = "heun",
        ["rk4"] = "rk4",
        ["bosh3"] = "bosh3",
        ["dopri5"] = "dopri5",
        ["tsit5"] = "tsit5",
        ["dop853"] = "dop853",
        ["rodas4"] = "rodas4",
        ["trbdf2"] = "trbdf2",
        ["bdf"] = "bdf",
        ["implicit-euler"] = "implicit-euler",
        ["auto"] = "auto",

        // XPPAUT's methods and their usual abbreviations.
        ["e"] = "euler",
        ["modeuler"] = "heun",
        ["m"] = "heun",
        ["rungekutta"] = "rk4",
        ["runge"] = "rk4",
        ["r"] = "rk4",
        ["adams"] = "rk4",
        ["a"] = "rk4",
        ["qualrk"] = "dopri5",
        ["q"] = "dopri5",
        ["5dp"] = "dopri5",
        ["dp5"] = "dopri5",
        ["dorprin"] = "dopri5",
        ["83dp"] = "dop853",
        ["dp83"] = "dop853",
        ["ymp"] = "rk4",
        ["y"] = "rk4",
        ["gear"] = "bdf",
        ["g"] = "bdf",
        ["stiff"] = "rodas4",
        ["s"] = "rodas4",
        ["2rb"] = "rodas4",
        ["rb2"] = "rodas4",
        ["rb23"] = "rodas4",
        ["rosen"] = "rodas4",
        ["cvode"] = "bdf",
        ["c"] = "bdf",
        ["backeul"] = "implicit-euler",
        ["b"] = "implicit-euler",
    }.ToImmutableDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>Methods that take fixed steps of `dt`; the others adapt the step to `tol`/`atol`.</summary>
    public static ImmutableHashSet<string> FixedStep { get; } = ImmutableHashSet.Create("euler", "midpoint", "heun", "rk4", "implicit-euler");
}
