using static TorchSharp.torch;

namespace OdeDsl.Runtime.Latent;

/// <summary>The observation model <c>x(t) ~ N(decoder(z(t)), σ² I)</c> with a fixed, stated noise scale σ.</summary>
public static class GaussianLikelihood
{
    /// <summary>
    /// <c>log p(x | z)</c> per trajectory (<c>[B]</c>), summed over the observed cells of <paramref name="batch"/> only:
    /// <paramref name="predictions"/> is <c>[K, B, m]</c> at the batch's union times.
    /// </summary>
    public static Tensor LogLikelihood(Tensor predictions, IrregularBatch batch, double noiseScale)
    {
        var logDensity = -0.5 * Math.Log(2 * Math.PI) - Math.Log(noiseScale)
                         - 0.5 * (batch.Values - predictions).square() / (noiseScale * noiseScale);
        return where(batch.Mask > 0, logDensity, zeros_like(logDensity)).sum([0, 2]);
    }
}
