using OdeDsl.Runtime.Data;
using OdeDsl.Runtime.Solvers;
using OdeDsl.Runtime.Systems;

namespace OdeDsl.Runtime.Fitting;

/// <summary>
/// Noise scales <c>σ_j = exp(s_j)</c> of the observed columns, estimated jointly with θ (<see cref="FitOptions.EstimateNoise"/>,
/// docs/fit.md). The objective is then twice the mean Gaussian negative log-likelihood per value, less its constant:
/// <c>L = (1/N) Σ_j [Σ_i r_ij²/σ_j² + 2 N_j log σ_j]</c>, which at σ = 1 is the plain loss. The data term is
/// <see cref="ObservationLoss.WithNoiseScales"/>; this class adds the log term and the closed-form
/// <c>∂L/∂s_j = (2/N)(N_j − Σ_i r_ij²/σ_j²)</c>, zero at <c>σ_j² = mean_i r_ij²</c>.
/// </summary>
internal static class NoiseScales
{
    /// <summary><c>σ_j = exp(s_j)</c>.</summary>
    public static double[] FromLogarithms(ReadOnlySpan<double> logarithms)
    {
        var scales = new double[logarithms.Length];
        for (var j = 0; j < scales.Length; j++) scales[j] = Math.Exp(logarithms[j]);
        return scales;
    }

    /// <summary>
    /// Adds the log term <c>(2/N) Σ_j N_j s_j</c> and writes <c>∂L/∂s_j</c> to <paramref name="gradient"/>, given the
    /// evaluation's counts <c>N_j</c> and data sums <c>Σ_i r_ij²/σ_j²</c>.
    /// </summary>
    /// <returns>The log term.</returns>
    public static double AddLogTerm(ReadOnlySpan<double> logarithms, IReadOnlyList<int> counts, IReadOnlyList<double> scaledSums,
        Span<double> gradient)
    {
        var total = counts.Sum();
        if (total == 0) return 0;
        var term = 0.0;
        for (var j = 0; j < logarithms.Length; j++)
        {
            term += 2.0 * counts[j] * logarithms[j] / total;
            gradient[j] = 2 * (counts[j] - scaledSums[j]) / total;
        }
        return term;
    }

    /// <summary>
    /// <c>s_j</c> at the start of a fit: the log of each column's root-mean-square residual at the starting θ over the
    /// whole table, which is the optimal σ for that θ (0, σ = 1, for a column without data or residuals).
    /// </summary>
    /// <exception cref="SolveException">The starting model cannot be solved over the data.</exception>
    public static double[] Start<TSystem>(TSystem system, ObservationTable table, ObservationLoss loss, double[] parameters,
        SolveOptions solve) where TSystem : IOdeSystem, IOdeOutputs
    {
        var evaluation = FittingObjective.Evaluate(system, table, loss, parameters, solve);
        var models = InputDrivenSystem.ForTable(system, table, solve.T0);
        var sums = new double[loss.ColumnCount];
        for (var k = 0; k < table.Trajectories.Count; k++)
        {
            var segment = SegmentLoss.WholeTrajectory(models[k], loss, table.Trajectories[k]);
            segment.Evaluate(evaluation.Times[k], evaluation.States[k], 1, parameters, new double[evaluation.States[k].Length],
                new double[parameters.Length]);
            for (var j = 0; j < sums.Length; j++) sums[j] += segment.ColumnSums[j];
        }
        return [.. sums.Select((sum, j) => loss.ColumnValueCount(j) > 0 && sum > 0 && double.IsFinite(sum)
            ? 0.5 * Math.Log(sum / loss.ColumnValueCount(j)) : 0)];
    }

    /// <summary>The objective over the whole table from the model's start at θ and σ (<see cref="FitResult.Loss"/>).</summary>
    /// <exception cref="SolveException">The model cannot be solved over the data.</exception>
    public static double WholeTableLoss<TSystem>(TSystem system, ObservationTable table, ObservationLoss loss, double[] parameters,
        ReadOnlySpan<double> logarithms, SolveOptions solve) where TSystem : IOdeSystem, IOdeOutputs
    {
        var scaled = loss.WithNoiseScales(FromLogarithms(logarithms));
        var data = FittingObjective.Loss(system, table, scaled, parameters, solve);
        var counts = Enumerable.Range(0, loss.ColumnCount).Select(loss.ColumnValueCount).ToArray();
        return data + AddLogTerm(logarithms, counts, new double[counts.Length], new double[counts.Length]);
    }
}
