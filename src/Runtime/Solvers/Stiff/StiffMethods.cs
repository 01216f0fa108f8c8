using System.Diagnostics.CodeAnalysis;

namespace OdeDsl.Runtime.Solvers.Stiff;

/// <summary>The stiff solvers by the short names options and the command line use.</summary>
public static class StiffMethods
{
    /// <summary>Rosenbrock order 4(3), L-stable: the default for small stiff systems at moderate tolerances.</summary>
    public static readonly StiffMethod Rodas4 = StiffMethod.Rosenbrock(RosenbrockTableau.Rodas4);

    /// <summary>ESDIRK TR-BDF2, order 2(3), L-stable: robust at loose tolerances.</summary>
    public static readonly StiffMethod TrBdf2 = StiffMethod.Esdirk(EsdirkTableau.TrBdf2);

    /// <summary>Backward Euler with fixed steps of <see cref="SolveOptions.Dt"/> (XPPAUT's <c>backeul</c>).</summary>
    public static readonly StiffMethod ImplicitEuler = StiffMethod.Esdirk(EsdirkTableau.ImplicitEuler);

    /// <summary>Variable-order BDF 1–5 (as CVODE and LSODE): cheapest per step for tight tolerances and larger systems.</summary>
    public static readonly StiffMethod Bdf = StiffMethod.BackwardDifferentiation("bdf");

    public static IReadOnlyList<StiffMethod> All { get; } = [Rodas4, TrBdf2, ImplicitEuler, Bdf];

    public static IReadOnlyList<string> Names { get; } = [.. All.Select(m => m.Name)];

    /// <exception cref="ArgumentException">No stiff method has that name.</exception>
    public static StiffMethod Get(string name) =>
        TryGet(name, out var method)
            ? method
            : throw new ArgumentException(Methods.UnknownMethodMessage(name), nameof(name));

    public static bool TryGet(string name, [MaybeNullWhen(false)] out StiffMethod method)
    {
        method = All.FirstOrDefault(candidate => string.Equals(candidate.Name, name, StringComparison.OrdinalIgnoreCase));
        return method is not null;
    }
}
