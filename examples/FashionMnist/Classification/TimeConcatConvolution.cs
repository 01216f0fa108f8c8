using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace OdeDsl.Examples.FashionMnist;

/// <summary>A 3×3 convolution that sees time as one more input channel, constant over the image (Chen et al.'s ConcatConv2d).</summary>
public sealed class TimeConcatConvolution : nn.Module<Tensor, Tensor, Tensor>
{
    private readonly Conv2d conv;

    public TimeConcatConvolution(int channels) : base(nameof(TimeConcatConvolution))
    {
        conv = nn.Conv2d(channels + 1, channels, 3, padding: 1);
        RegisterComponents();
    }

    public override Tensor forward(Tensor t, Tensor x) =>
        conv.call(cat([x, t.to(x.dtype).expand(x.shape[0], 1, x.shape[2], x.shape[3])], 1));
}
