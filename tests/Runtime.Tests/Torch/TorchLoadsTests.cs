using static TorchSharp.torch;

namespace OdeDsl.Runtime.Tests.Torch;

/// <summary>
/// TorchSharp's native library must load on Debian 12 without a manual step
/// (build/TorchSharpNativeFix.targets patches it where the system libstdc++ is too old).
/// </summary>
public sealed class TorchLoadsTests
{
    [Fact]
    public void Creates_and_multiplies_tensors()
    {
        using var a = tensor(new double[] { 1, 2, 3, 4 }, 2, 2);
        using var b = tensor(new double[] { 5, 6, 7, 8 }, 2, 2);
        using var product = a.matmul(b);

        Assert.Equal(new double[] { 19, 22, 43, 50 }, product.data<double>().ToArray());
    }

    [Fact]
    public void Reports_libtorch_version()
    {
        Assert.StartsWith("2.10", TorchSharp.torch.__version__);
    }
}
