using static TorchSharp.torch;

namespace OdeDsl.Runtime.Latent;

/// <summary>The recognition network's diagonal Gaussian <c>q(z0 | x) = N(Mean, diag(exp(LogVariance)))</c>, each <c>[B, d]</c>.</summary>
public sealed record GaussianPosterior(Tensor Mean, Tensor LogVariance)
{
    /// <summary>The reparametrisation trick (Kingma and Welling 2014): <c>z0 = μ + σ ε</c>, differentiable in μ and σ.</summary>
    public Tensor Sample(Tensor epsilon) => Mean + exp(0.5 * LogVariance) * epsilon;

    /// <summary><c>KL(q ‖ N(0, I))</c> per trajectory, <c>[B]</c>: <c>½ Σ (σ² + μ² − 1 − log σ²)</c>.</summary>
    public Tensor KlToStandardNormal() => 0.5 * (exp(LogVariance) + Mean.square() - 1 - LogVariance).sum(1);
}
