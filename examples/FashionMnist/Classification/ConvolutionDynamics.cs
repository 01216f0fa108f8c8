using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace OdeDsl.Examples.FashionMnist;

/// <summary>
/// ODE-Net's dynamics <c>f(t, z)</c> on <c>[B, C, H, W]</c> feature maps: the residual block's branch
/// (norm–ReLU–conv–norm–ReLU–conv) with time as an extra channel of each convolution.
/// </summary>
public sealed class ConvolutionDynamics : nn.Module<Tensor, Tensor, Tensor>
{
    private readonly GroupNorm norm1;
    private readonly TimeConcatConvolution conv1;
    private readonly GroupNorm norm2;
    private readonly TimeConcatConvolution conv2;

    public ConvolutionDynamics(int channels) : base(nameof(ConvolutionDynamics))
    {
        norm1 = Layers.Norm(channels);
        conv1 = new TimeConcatConvolution(channels);
        norm2 = Layers.Norm(channels);
        conv2 = new TimeConcatConvolution(channels);
        RegisterComponents();
    }

    public override Tensor forward(Tensor t, Tensor z) =>
        conv2.call(t, nn.functional.relu(norm2.call(conv1.call(t, nn.functional.relu(norm1.call(z))))));
}
