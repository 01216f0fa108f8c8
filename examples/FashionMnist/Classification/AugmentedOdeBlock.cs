using OdeDsl.Runtime.Torch;
using TorchSharp;
using static TorchSharp.torch;

namespace OdeDsl.Examples.FashionMnist;

/// <summary>
/// <c>z(1)</c> of <c>dz/dt = f(t, z)</c> from <c>z(0) = [x, 0]</c>: the feature maps with <paramref name="augment"/>
/// zero channels appended (Dupont et al. 2019's ANODE; 0 gives Chen et al. 2018's ODE-Net).
/// </summary>
public sealed class AugmentedOdeBlock : nn.Module<Tensor, Tensor>
{
    private readonly OdeBlock block;
    private readonly int _augment;

    public AugmentedOdeBlock(int channels, int augment, OdeBlockOptions options) : base(nameof(AugmentedOdeBlock))
    {
        _augment = augment;
        block = new OdeBlock("block", new ConvolutionDynamics(channels + augment), options);
        RegisterComponents();
    }

    public OdeBlockStats Stats => block.Stats;

    public override Tensor forward(Tensor x)
    {
        var initial = _augment == 0 ? x : cat([x, zeros(x.shape[0], _augment, x.shape[2], x.shape[3], x.dtype, x.device)], 1);
        return block.call(initial)[^1];
    }
}
