using OdeDsl.Runtime.Solvers.Backends;
using OdeDsl.Runtime.Solvers.ErrorEstimation;
using OdeDsl.Runtime.Solvers.Interpolation;
using OdeDsl.Runtime.Solvers.Tableaux;

namespace OdeDsl.Runtime.Solvers;

/// <summary>
/// A solver as the integrator sees it: a tableau, an error estimate (none for fixed-step methods)
/// and a dense output. Stage registers are laid out as <c>0..s−1</c> for the stages, then the end
/// derivative <c>f(t + h, y_{n+1})</c> (the last stage itself for FSAL tableaux), then the dense
/// output's extra stages.
/// </summary>
public sealed class RungeKuttaMethod
{
    public RungeKuttaMethod(string name, ButcherTableau tableau, ErrorEstimate? errorEstimate,
        Func<ButcherTableau, DenseOutput>? denseOutput = null)
    {
        Name = name;
        Tableau = tableau;
        ErrorEstimate = errorEstimate;
        EndRegister = tableau.Fsal ? tableau.Stages - 1 : tableau.Stages;
        DenseOutput = denseOutput?.Invoke(tableau) ?? new HermiteDenseOutput(tableau.B, EndRegister);
        RegisterCount = EndRegister + 1 + DenseOutput.ExtraNodes.Count;
        Nodes = [.. tableau.C];
        Coefficients = [.. tableau.A];
        Weights = new double[RegisterCount];
        for (var j = 0; j < tableau.Stages; j++)
            Weights[j] = tableau.B[j];
        CoefficientTerms = [.. Coefficients.Select(row => StageTerms.NonZero(row))];
        WeightTerms = StageTerms.NonZero(Weights);
        ExtraTerms = [.. DenseOutput.ExtraCoefficients.Select(row => StageTerms.NonZero(row))];
        AllTerms = StageTerms.All(RegisterCount);
    }

    // The non-zero entries of each row above and of the dense output's extra stages.
    internal int[][] CoefficientTerms { get; }

    internal int[] WeightTerms { get; }

    internal int[][] ExtraTerms { get; }

    /// <summary>Every stage register, for dense-output weights, which change with θ.</summary>
    internal int[] AllTerms { get; }

    // Plain arrays of the tableau for the stepping loop, which indexes them on every stage.
    internal double[] Nodes { get; }

    internal double[][] Coefficients { get; }

    /// <summary><c>b</c> over all stage registers.</summary>
    internal double[] Weights { get; }

    /// <summary>The name <see cref="Methods.Get"/> knows it by.</summary>
    public string Name { get; }

    public ButcherTableau Tableau { get; }

    /// <summary><c>null</c> for fixed-step methods, which need <see cref="SolveOptions.Dt"/>.</summary>
    public ErrorEstimate? ErrorEstimate { get; }

    public DenseOutput DenseOutput { get; }

    public bool IsAdaptive => ErrorEstimate is not null;

    /// <summary>The register holding <c>f(t + h, y_{n+1})</c> once a step is accepted.</summary>
    public int EndRegister { get; }

    /// <summary>Stage registers a solve needs.</summary>
    public int RegisterCount { get; }

    public override string ToString() => Name;
}
