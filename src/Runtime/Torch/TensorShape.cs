using static TorchSharp.torch;

namespace OdeDsl.Runtime.Torch;

/// <summary>A tensor's shape as error messages write it: <c>[2, 3]</c>.</summary>
internal static class TensorShape
{
    public static string Format(Tensor tensor) => $"[{string.Join(", ", tensor.shape)}]";
}
