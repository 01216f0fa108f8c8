using System.Collections.Immutable;
using OdeDsl.Language.IR;
using Activation = OdeDsl.Language.Binding.Activation;

namespace OdeDsl.Language.Lowering;

/// <summary>
/// Lowers <c>net name = mlp(w0, w1, ..., wL, act=..., bias=...)</c> applied to input nodes into
/// scalar IR, layer by layer: <c>h = act(W h_prev + b)</c> with the activation on every layer but
/// the last (as a PyTorch <c>nn.Sequential</c> of <c>Linear</c> and activation modules). Weights live in θ:
/// per layer, W row-major (<c>[out, in]</c>) then b, named as PyTorch's state dict (<c>f.0.weight[i,j]</c>,
/// <c>f.0.bias[i]</c>). Each layer is also recorded as an <see cref="IrNetLayer"/> for emitters that write loops.
/// </summary>
public static class MlpLowering
{
    /// <summary>How many θ entries the net uses.</summary>
    public static int ParameterCount(IReadOnlyList<int> widths, bool bias) =>
        Enumerable.Range(0, widths.Count - 1).Sum(layer => widths[layer + 1] * (widths[layer] + (bias ? 1 : 0)));

    /// <summary>
    /// The net's θ entries with their initial values: PyTorch's <c>nn.Linear</c> default,
    /// uniform on ±1/√fan_in for weights and biases, from a generator seeded by the net's name so
    /// that a model always starts from the same weights.
    /// </summary>
    public static IEnumerable<IrParameter> Parameters(string netName, IReadOnlyList<int> widths, bool bias)
    {
        var random = new Random(StableSeed(netName));
        for (var layer = 0; layer < widths.Count - 1; layer++)
        {
            int inputs = widths[layer], outputs = widths[layer + 1];
            var bound = 1 / Math.Sqrt(inputs);
            for (var row = 0; row < outputs; row++)
            {
                for (var column = 0; column < inputs; column++)
                {
                    yield return new IrParameter(
                        $"{netName}.{2 * layer}.weight[{row},{column}]", Uniform(random, bound), ParameterKind.NetWeight, ParameterConstraint.None);
                }
            }
            for (var row = 0; bias && row < outputs; row++)
            {
                yield return new IrParameter(
                    $"{netName}.{2 * layer}.bias[{row}]", Uniform(random, bound), ParameterKind.NetBias, ParameterConstraint.None);
            }
        }
    }

    /// <summary>Applies the net to <paramref name="inputs"/>; its weights start at θ[<paramref name="parameterOffset"/>].</summary>
    public static (ImmutableArray<IrNode> Outputs, ImmutableArray<IrNetLayer> Layers) Apply(
        IrBuilder ir,
        string netName,
        IReadOnlyList<int> widths,
        IrOperation? activation,
        bool bias,
        int parameterOffset,
        ImmutableArray<IrNode> inputs)
    {
        if (inputs.Length != widths[0])
        {
            throw new ArgumentException($"net '{netName}' takes {widths[0]} inputs, not {inputs.Length}", nameof(inputs));
        }
        var layers = ImmutableArray.CreateBuilder<IrNetLayer>();
        var values = inputs;
        var offset = parameterOffset;
        for (var layer = 0; layer < widths.Count - 1; layer++)
        {
            int columns = widths[layer], rows = widths[layer + 1];
            var weightOffset = offset;
            var biasOffset = bias ? weightOffset + rows * columns : -1;
            var layerActivation = layer < widths.Count - 2 ? activation : null;
            var outputs = ImmutableArray.CreateBuilder<IrNode>(rows);
            for (var row = 0; row < rows; row++)
            {
                var terms = new List<IrNode>(columns + 1);
                if (bias)
                {
                    terms.Add(ir.Parameter(biasOffset + row));
                }
                for (var column = 0; column < columns; column++)
                {
                    terms.Add(ir.Multiply(ir.Parameter(weightOffset + row * columns + column), values[column]));
                }
                var preActivation = ir.Sum(terms);
                outputs.Add(layerActivation is { } act ? ir.Apply(act, preActivation) : preActivation);
            }
            var layerOutputs = outputs.MoveToImmutable();
            layers.Add(new IrNetLayer(netName, layer, rows, columns, weightOffset, biasOffset, layerActivation, values, layerOutputs));
            values = layerOutputs;
            offset += rows * (columns + (bias ? 1 : 0));
        }
        return (values, layers.ToImmutable());
    }

    /// <summary>The IR operation of an activation; null for <c>identity</c>.</summary>
    public static IrOperation? Operation(Activation activation) => activation switch
    {
        Activation.Tanh => IrOperation.Tanh,
        Activation.Relu => IrOperation.Relu,
        Activation.Softplus => IrOperation.Softplus,
        Activation.Sigmoid => IrOperation.Sigmoid,
        Activation.Elu => IrOperation.Elu,
        _ => null,
    };

    private static double Uniform(Random random, double bound) => (2 * random.NextDouble() - 1) * bound;

    /// <summary>FNV-1a of the name: unlike string.GetHashCode it is the same in every process.</summary>
    private static int StableSeed(string name)
    {
        unchecked
        {
            var hash = (int)2166136261;
            foreach (var character in name)
            {
                hash = (hash ^ character) * 16777619;
            }
            return hash & int.MaxValue;
        }
    }
}
