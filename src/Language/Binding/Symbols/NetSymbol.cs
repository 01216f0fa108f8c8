using System.Collections.Immutable;
using OdeDsl.Language.Text;

namespace OdeDsl.Language.Binding;

/// <summary>
/// `net f = mlp(2, 50, 2, act=tanh)`: a multilayer perceptron with layer widths from input to
/// output; <see cref="Activation"/> follows every hidden layer, the output layer is linear.
/// Weights are trainable and laid out by later stages (per layer: weight [out, in] row-major, then bias).
/// </summary>
public sealed class NetSymbol(string name, SourceSpan span, ImmutableArray<int> widths, Activation activation, bool hasBias)
    : Symbol(name, Shape.Vector(widths[widths.Length - 1]), span)
{
    public ImmutableArray<int> Widths { get; } = widths;

    public Activation Activation { get; } = activation;

    public bool HasBias { get; } = hasBias;

    public int InputSize => Widths[0];

    public int OutputSize => Widths[Widths.Length - 1];

    /// <summary>How many trainable numbers the net holds.</summary>
    public int WeightCount
    {
        get
        {
            var count = 0;
            for (var layer = 1; layer < Widths.Length; layer++)
            {
                count += Widths[layer] * Widths[layer - 1] + (HasBias ? Widths[layer] : 0);
            }

            return count;
        }
    }

    public override string KindDescription => "a network";
}
