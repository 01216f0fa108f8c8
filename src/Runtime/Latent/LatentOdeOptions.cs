namespace OdeDsl.Runtime.Latent;

/// <summary>Sizes and the observation noise of a <see cref="LatentOde"/>; defaults follow Chen et al.'s latent_ode.py spirals.</summary>
public sealed record LatentOdeOptions
{
    /// <summary>Observed quantities per time point.</summary>
    public int QuantityCount { get; init; } = 2;

    /// <summary>Hidden units of the recognition GRU.</summary>
    public int EncoderHiddenCount { get; init; } = 25;

    /// <summary>Hidden units of the decoder's one hidden (ReLU) layer.</summary>
    public int DecoderHiddenCount { get; init; } = 20;

    /// <summary>σ of the Gaussian observation likelihood (the spirals' data noise is 0.3 too).</summary>
    public double NoiseScale { get; init; } = 0.3;
}
