using OdeDsl.Runtime.Solvers;

namespace OdeDsl.Runtime.Gradients;

/// <summary>
/// Tolerances of a backward solve whose state is some state-sized blocks (<c>z</c>, <c>a</c>) followed by the
/// parameter and time adjoints. State-sized blocks take the backward tolerance per state; <c>a_θ</c> and <c>a_t</c>
/// take its smallest value, or, with the seminorm, an infinite absolute tolerance that drops them from the error norm.
/// </summary>
internal static class AdjointTolerances
{
    public static (Tolerance Rtol, Tolerance Atol) Build(GradientOptions options, int stateCount, int stateBlocks,
        int adjointExtras)
    {
        var rtol = options.BackwardRtol ?? options.Solve.Rtol;
        var atol = options.BackwardAtol ?? options.Solve.Atol;
        return (Expand(rtol, stateCount, stateBlocks, adjointExtras, double.NaN),
            Expand(atol, stateCount, stateBlocks, adjointExtras, options.Seminorm ? double.PositiveInfinity : double.NaN));
    }

    private static Tolerance Expand(Tolerance tolerance, int stateCount, int stateBlocks, int adjointExtras,
        double extraOverride)
    {
        var values = new double[stateBlocks * stateCount + adjointExtras];
        for (var block = 0; block < stateBlocks; block++)
            for (var i = 0; i < stateCount; i++)
                values[block * stateCount + i] = tolerance.For(i);
        var extra = double.IsNaN(extraOverride) ? tolerance.Values.Min() : extraOverride;
        for (var i = stateBlocks * stateCount; i < values.Length; i++)
            values[i] = extra;
        return Tolerance.PerComponent(values);
    }
}
