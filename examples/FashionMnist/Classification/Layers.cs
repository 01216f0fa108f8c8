using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace OdeDsl.Examples.FashionMnist;

/// <summary>The layers the three classifiers share, as in Chen et al. (2018)'s odenet_mnist.py.</summary>
public static class Layers
{
    /// <summary>
    /// Group norm with 32 groups, or for a channel count 32 does not divide (an augmented state) the largest
    /// divisor below 32, so every group has the same number of channels.
    /// </summary>
    public static GroupNorm Norm(int channels)
    {
        var norm = nn.GroupNorm(Enumerable.Range(1, Math.Min(32, channels)).Last(groups => channels % groups == 0), channels);
        // TorchSharp 0.107 leaves GroupNorm's affine parameters uninitialised (NaN or garbage); PyTorch starts them at 1 and 0.
        using (no_grad())
        {
            norm.weight!.fill_(1);
            norm.bias!.zero_();
        }
        return norm;
    }

    /// <summary>28×28 images to 64 feature maps of 6×6: conv 3×3, then two conv 4×4 stride 2 with norm and ReLU between.</summary>
    public static Sequential FrontEnd() => nn.Sequential(
        nn.Conv2d(1, 64, 3, stride: 1), Norm(64), nn.ReLU(),
        nn.Conv2d(64, 64, 4, stride: 2, padding: 1), Norm(64), nn.ReLU(),
        nn.Conv2d(64, 64, 4, stride: 2, padding: 1));

    /// <summary>Norm, ReLU, global average pool and a linear layer to the ten classes.</summary>
    public static Sequential Head(int channels) => nn.Sequential(
        Norm(channels), nn.ReLU(), nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Linear(channels, 10));
}
