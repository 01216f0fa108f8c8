using OdeDsl.Runtime.Gradients;
using OdeDsl.Runtime.Solvers;

namespace OdeDsl.Runtime.Fitting;

/// <summary>What a fit optimises and how (docs/fitting.md describes the objective).</summary>
public sealed record FitOptions
{
    /// <summary>The solver: method, tolerances and the model's start time <see cref="SolveOptions.T0"/> (T1 and SaveAt come from the data).</summary>
    public SolveOptions Solve { get; init; } = new();

    /// <summary>The entries of θ to optimise and their constraints.</summary>
    public IReadOnlyList<TrainableParameter> Trainable { get; init; } = [];

    /// <summary>Starting θ (<c>[p]</c>); null means the model's defaults.</summary>
    public IReadOnlyList<double>? StartParameters { get; init; }

    public int Iterations { get; init; } = 200;

    public FitOptimizer Optimizer { get; init; } = FitOptimizer.Adam;

    /// <summary>Adam's step size, or L-BFGS's first trial step.</summary>
    public double LearningRate { get; init; } = 0.05;

    public GradientMethod Gradient { get; init; } = GradientMethod.Adjoint;

    /// <summary>Minibatches: the number of random time windows per iteration (needs <see cref="WindowLength"/>).</summary>
    public int? Windows { get; init; }

    /// <summary>Minibatches: consecutive data rows per window.</summary>
    public int? WindowLength { get; init; }

    /// <summary>Multiple shooting: segments per trajectory (1: single shooting from the model's start).</summary>
    public int ShootingSegments { get; init; } = 1;

    /// <summary>Weight <c>w</c> of the continuity penalty, per state and segment boundary.</summary>
    public double ContinuityWeight { get; init; } = 1;

    /// <summary>Fixed weights <c>w_j</c> of observed columns by name (a column not named weighs 1): the loss is <c>(1/N) Σ w_j r²</c>.</summary>
    public IReadOnlyDictionary<string, double>? Weights { get; init; }

    /// <summary>
    /// Estimate a noise scale σ_j per observed column with θ: the objective becomes the Gaussian negative log-likelihood
    /// (docs/fit.md), and <see cref="FitResult.NoiseScales"/> holds the fitted σ. Excludes <see cref="Weights"/>.
    /// </summary>
    public bool EstimateNoise { get; init; }

    /// <summary>Seeds the choice of time windows; iteration <c>i</c> uses its own generator, so resumed runs draw the same windows.</summary>
    public int Seed { get; init; }

    /// <summary>Where to keep the checkpoint (written atomically after every <see cref="CheckpointEvery"/> iterations); null keeps none.</summary>
    public string? CheckpointPath { get; init; }

    public int CheckpointEvery { get; init; } = 1;

    /// <summary>Continue from <see cref="CheckpointPath"/> when it exists.</summary>
    public bool Resume { get; init; }

    /// <summary>Called after every iteration (progress displays).</summary>
    public Action<FitIteration>? Progress { get; init; }
}

public enum FitOptimizer
{
    /// <summary>Adam (Kingma and Ba 2015) with PyTorch's defaults β = (0.9, 0.999), ε = 1e-8.</summary>
    Adam,
    /// <summary>L-BFGS with a backtracking (Armijo) line search: for a few parameters and full-data objectives.</summary>
    Lbfgs,
}
