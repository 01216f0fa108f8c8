using static TorchSharp.torch;

namespace OdeDsl.Runtime.Latent;

/// <summary>
/// The evidence lower bound's terms per trajectory (<c>[B]</c>): <c>ELBO = E_q[log p(x | z0)] − KL(q(z0) ‖ p(z0))</c>,
/// the expectation estimated with one reparametrised sample as in Chen et al.'s latent_ode.py.
/// </summary>
public sealed record ElboTerms(Tensor LogLikelihood, Tensor Kl)
{
    public Tensor Elbo => LogLikelihood - Kl;

    /// <summary>The training loss: the negative ELBO averaged over the batch.</summary>
    public Tensor Loss => -Elbo.mean();
}
