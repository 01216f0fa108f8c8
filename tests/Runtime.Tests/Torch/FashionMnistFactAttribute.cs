using OdeDsl.Examples.FashionMnist;

namespace OdeDsl.Runtime.Tests.Torch;

/// <summary>A test that needs Debian's <c>dataset-fashion-mnist</c>; skipped, saying how to install it, where it is missing.</summary>
public sealed class FashionMnistFactAttribute : FactAttribute
{
    public FashionMnistFactAttribute()
    {
        if (FashionMnistData.Missing(FashionMnistData.PackageDirectory) is not null)
            Skip = $"Fashion-MNIST is not installed; {FashionMnistData.MissingHelp}";
    }
}
