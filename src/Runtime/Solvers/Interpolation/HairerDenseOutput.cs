using OdeDsl.Runtime.Solvers.Tableaux;

namespace OdeDsl.Runtime.Solvers.Interpolation;

/// <summary>
/// The continuous extensions of Hairer's DOPRI5 and DOP853 (Hairer, Nørsett &amp; Wanner I, II.6):
/// <c>y(θ) = y_n + θ(F0 + (1−θ)(F1 + θ(F2 + (1−θ)(F3 + …))))</c> with <c>F0 = Δy</c>,
/// <c>F1 = h·f_n − Δy</c>, <c>F2 = 2Δy − h(f_n + f_{n+1})</c> and the remaining <c>F</c> as published
/// stage weights. Each <c>F</c> is a stage-weight vector, so the nested form is evaluated on weights.
/// </summary>
public sealed class HairerDenseOutput : DenseOutput
{
    private readonly double[][] _terms;
    private readonly double[] _extraNodes;
    private readonly double[][] _extraCoefficients;

    private HairerDenseOutput(int order, IReadOnlyList<double> b, int endRegister, int registerCount,
        double[][] publishedTerms, double[] extraNodes, double[][] extraCoefficients)
    {
        Order = order;
        _extraNodes = extraNodes;
        _extraCoefficients = extraCoefficients;
        var increment = new double[registerCount];
        for (var j = 0; j < b.Count; j++)
            increment[j] = b[j];
        var first = new double[registerCount];
        var second = new double[registerCount];
        for (var j = 0; j < registerCount; j++)
        {
            first[j] = -increment[j];
            second[j] = 2 * increment[j];
        }
        first[0] += 1;
        second[0] -= 1;
        second[endRegister] -= 1;
        _terms = [increment, first, second, .. publishedTerms.Select(t => Pad(t, registerCount))];
    }

    /// <summary>DOPRI5's 4th-order extension (Shampine's coefficients as in Hairer's dopri5.f).</summary>
    public static HairerDenseOutput DormandPrince54(ButcherTableau tableau) => new(
        order: 4, tableau.B, endRegister: 6, registerCount: 7,
        publishedTerms:
        [
            [-12715105075 / 11282082432.0, 0, 87487479700 / 32700410799.0, -10690763975 / 1880347072.0,
                701980252875 / 199316789632.0, -1453857185 / 822651844.0, 69997945 / 29380423.0],
        ],
        extraNodes: [], extraCoefficients: []);

    /// <summary>DOP853's 7th-order extension, which needs three more evaluations per step with a save point.</summary>
    public static HairerDenseOutput DormandPrince853(ButcherTableau tableau) => new(
        order: 7, tableau.B, endRegister: 12, registerCount: 16,
        publishedTerms: Dop853Coefficients.Dense,
        extraNodes: Dop853Coefficients.C[13..],
        extraCoefficients: Dop853Coefficients.A[13..]);

    public override int Order { get; }

    public override IReadOnlyList<double> ExtraNodes => _extraNodes;

    public override IReadOnlyList<double[]> ExtraCoefficients => _extraCoefficients;

    public override void Weights(double theta, Span<double> weights)
    {
        // Innermost term first; the factors alternate θ and 1−θ outward, ending with 1−θ on F1.
        var last = _terms.Length - 1;
        weights.Clear();
        for (var j = 0; j < weights.Length; j++)
            weights[j] = _terms[last][j];
        for (var i = last - 1; i >= 0; i--)
        {
            var factor = i % 2 == 0 ? 1 - theta : theta;
            var term = _terms[i];
            for (var j = 0; j < weights.Length; j++)
                weights[j] = term[j] + factor * weights[j];
        }
        for (var j = 0; j < weights.Length; j++)
            weights[j] *= theta;
    }

    private static double[] Pad(double[] values, int length)
    {
        var padded = new double[length];
        values.CopyTo(padded, 0);
        return padded;
    }
}
