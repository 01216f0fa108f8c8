using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace OdeDsl.Runtime.Tests.Torch;

/// <summary><c>f(t, z) = W2 tanh(W1 z + b1) · (1 + t/2) + b2</c>: a small time-dependent MLP as ODE dynamics.</summary>
internal sealed class MlpDynamics : nn.Module<Tensor, Tensor, Tensor>
{
    private readonly Linear hidden;
    private readonly Linear output;

    public MlpDynamics(int width, int hiddenWidth) : base(nameof(MlpDynamics))
    {
        hidden = nn.Linear(width, hiddenWidth, dtype: ScalarType.Float64);
        output = nn.Linear(hiddenWidth, width, dtype: ScalarType.Float64);
        RegisterComponents();
    }

    public override Tensor forward(Tensor t, Tensor z) => output.call(tanh(hidden.call(z)) * (1 + t / 2));
}

/// <summary>A regressor with an ODE block between two linear layers, as in ODE-Net.</summary>
internal sealed class OdeNetRegressor : nn.Module<Tensor, Tensor>
{
    private readonly Linear encoder;
    private readonly OdeDsl.Runtime.Torch.OdeBlock block;
    private readonly Linear decoder;

    public OdeNetRegressor(OdeDsl.Runtime.Torch.OdeBlockOptions options) : base(nameof(OdeNetRegressor))
    {
        encoder = nn.Linear(2, 4, dtype: ScalarType.Float64);
        block = new OdeDsl.Runtime.Torch.OdeBlock("block", new MlpDynamics(4, 16), options);
        decoder = nn.Linear(4, 1, dtype: ScalarType.Float64);
        RegisterComponents();
    }

    public override Tensor forward(Tensor x) => decoder.call(block.call(encoder.call(x))[-1]);
}

/// <summary>Wraps dynamics and counts its calls: an independent count of the function evaluations.</summary>
internal sealed class CountingDynamics : nn.Module<Tensor, Tensor, Tensor>
{
    private readonly nn.Module<Tensor, Tensor, Tensor> inner;

    public CountingDynamics(nn.Module<Tensor, Tensor, Tensor> inner) : base(nameof(CountingDynamics))
    {
        this.inner = inner;
        RegisterComponents();
    }

    public int Calls { get; private set; }

    public override Tensor forward(Tensor t, Tensor z)
    {
        Calls++;
        return inner.call(t, z);
    }
}

/// <summary>
/// <c>f(t, z) = conv([tanh(conv([z, t])), t])</c> on <c>[B, C, H, W]</c> feature maps, with time as an extra
/// channel of each convolution, as in ODE-Net's convolutional dynamics.
/// </summary>
internal sealed class ConvolutionDynamics : nn.Module<Tensor, Tensor, Tensor>
{
    private readonly Conv2d first;
    private readonly Conv2d second;

    public ConvolutionDynamics(int channels) : base(nameof(ConvolutionDynamics))
    {
        first = nn.Conv2d(channels + 1, channels, 3, padding: 1, dtype: ScalarType.Float64);
        second = nn.Conv2d(channels + 1, channels, 3, padding: 1, dtype: ScalarType.Float64);
        RegisterComponents();
    }

    public override Tensor forward(Tensor t, Tensor z)
    {
        Tensor WithTime(Tensor x) => cat([x, t.expand(x.shape[0], 1, x.shape[2], x.shape[3])], 1);
        return second.call(WithTime(tanh(first.call(WithTime(z))))) * 0.5;
    }
}
