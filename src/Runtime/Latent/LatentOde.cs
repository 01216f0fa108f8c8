using OdeDsl.Runtime.Torch;
using TorchSharp;
using static TorchSharp.torch;

namespace OdeDsl.Runtime.Latent;

/// <summary>
/// The latent ODE (Chen et al. 2018, §5.1; Rubanova et al. 2019): a recognition GRU or ODE-RNN read backwards over the
/// observed points gives <c>q(z0)</c>, a sample <c>z0</c> is integrated by the latent dynamics (a <see cref="SystemBlock"/>, e.g.
/// an <c>.ode</c> file's <c>net f = mlp(...)</c>), and a decoder maps <c>z(t)</c> to the observations. The latent size is
/// the system's state count; every trajectory starts at the batch's <see cref="IrregularBatch.Start"/>, the block's
/// <c>T0</c>.
/// </summary>
public sealed class LatentOde : nn.Module
{
    private readonly RecognitionGru encoder;
    private readonly SystemBlock dynamics;
    private readonly nn.Module<Tensor, Tensor> decoder;
    private readonly LatentOdeOptions _options;

    /// <param name="hiddenDynamics">
    /// <c>null</c> for a GRU encoder; otherwise the ODE-RNN encoder's hidden dynamics (<see cref="LatentOdeOptions.EncoderHiddenCount"/>
    /// states, <c>T0 = 0</c>).
    /// </param>
    /// <exception cref="ArgumentException">A noise scale σ that is not positive and finite.</exception>
    public LatentOde(string name, SystemBlock dynamics, LatentOdeOptions options, SystemBlock? hiddenDynamics = null) : base(name)
    {
        if (!(options.NoiseScale > 0 && double.IsFinite(options.NoiseScale)))
            throw new ArgumentException($"the likelihood's noise scale σ must be positive and finite, not {options.NoiseScale}", nameof(options));
        var latentCount = dynamics.System.StateCount;
        encoder = new RecognitionGru("encoder", options.QuantityCount, options.EncoderHiddenCount, latentCount, hiddenDynamics);
        this.dynamics = dynamics;
        decoder = nn.Sequential(
            nn.Linear(latentCount, options.DecoderHiddenCount, dtype: ScalarType.Float64),
            nn.ReLU(),
            nn.Linear(options.DecoderHiddenCount, options.QuantityCount, dtype: ScalarType.Float64));
        _options = options;
        RegisterComponents();
    }

    public LatentOdeOptions Options => _options;

    public int LatentCount => dynamics.System.StateCount;

    public GaussianPosterior Encode(IrregularBatch inputs) => encoder.Encode(inputs);

    /// <summary>The decoded trajectories <c>[K, B, m]</c> at <paramref name="times"/> (ascending, none before <c>T0</c>) from <c>z0</c> <c>[B, d]</c>.</summary>
    public Tensor Decode(Tensor initialLatents, IReadOnlyList<double> times) =>
        decoder.call(dynamics.Solve(initialLatents, times));

    /// <summary>
    /// The ELBO's terms when the encoder reads <paramref name="inputs"/> and the likelihood scores <paramref name="targets"/>
    /// (the same batch to reconstruct; a longer one to train extrapolation), with the reparametrisation noise
    /// <paramref name="epsilon"/> (<c>[B, d]</c>, standard normal).
    /// </summary>
    /// <exception cref="ArgumentException">
    /// Batches that start elsewhere than the latent dynamics' <c>T0</c>, that differ in trajectories or hold another
    /// number of quantities than <see cref="LatentOdeOptions.QuantityCount"/>, or noise that is not <c>[B, d]</c>.
    /// </exception>
    public ElboTerms Elbo(IrregularBatch inputs, IrregularBatch targets, Tensor epsilon)
    {
        if (inputs.Start != dynamics.T0 || targets.Start != dynamics.T0)
            throw new ArgumentException($"the batches start at t={inputs.Start} and t={targets.Start}, the latent dynamics at T0={dynamics.T0}");
        if (inputs.TrajectoryCount != targets.TrajectoryCount)
            throw new ArgumentException($"the encoder reads {inputs.TrajectoryCount} trajectories but the likelihood scores {targets.TrajectoryCount}");
        if (inputs.QuantityCount != _options.QuantityCount || targets.QuantityCount != _options.QuantityCount)
            throw new ArgumentException(
                $"the model observes {_options.QuantityCount} quantities, the batches hold {inputs.QuantityCount} and {targets.QuantityCount}");
        if (epsilon.dim() != 2 || epsilon.shape[0] != inputs.TrajectoryCount || epsilon.shape[1] != LatentCount)
            throw new ArgumentException(
                $"the noise must be [{inputs.TrajectoryCount}, {LatentCount}] (trajectories, latent size), not {TensorShape.Format(epsilon)}",
                nameof(epsilon));
        var posterior = Encode(inputs);
        var predictions = Decode(posterior.Sample(epsilon), targets.Times);
        return new ElboTerms(GaussianLikelihood.LogLikelihood(predictions, targets, _options.NoiseScale),
            posterior.KlToStandardNormal());
    }

    /// <summary><see cref="Elbo(IrregularBatch, IrregularBatch, Tensor)"/> with noise from torch's (seedable) generator.</summary>
    public ElboTerms Elbo(IrregularBatch inputs, IrregularBatch targets) =>
        Elbo(inputs, targets, randn(inputs.TrajectoryCount, LatentCount, ScalarType.Float64));
}
