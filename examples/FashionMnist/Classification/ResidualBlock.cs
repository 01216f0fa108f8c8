using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace OdeDsl.Examples.FashionMnist;

/// <summary><c>x + conv(ReLU(norm(conv(ReLU(norm(x))))))</c> with 3×3 convolutions (He et al. 2016's pre-activation block).</summary>
public sealed class ResidualBlock : nn.Module<Tensor, Tensor>
{
    private readonly GroupNorm norm1;
    private readonly Conv2d conv1;
    private readonly GroupNorm norm2;
    private readonly Conv2d conv2;

    public ResidualBlock(int channels) : base(nameof(ResidualBlock))
    {
        norm1 = Layers.Norm(channels);
        conv1 = nn.Conv2d(channels, channels, 3, padding: 1, bias: false);
        norm2 = Layers.Norm(channels);
        conv2 = nn.Conv2d(channels, channels, 3, padding: 1, bias: false);
        RegisterComponents();
    }

    public override Tensor forward(Tensor x) =>
        x + conv2.call(nn.functional.relu(norm2.call(conv1.call(nn.functional.relu(norm1.call(x))))));
}
