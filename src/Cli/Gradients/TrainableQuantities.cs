using OdeDsl.Language;
using OdeDsl.Language.IR;

namespace OdeDsl.Cli.Gradients;

/// <summary>
/// Which entries of θ a fit trains by default: <c>learn</c> parameters and learnable initial values, shown one by
/// one, and the weights and biases of each <c>mlp</c> net, shown as one norm per net.
/// </summary>
internal sealed record TrainableQuantities(IReadOnlyList<int> Scalars, IReadOnlyList<(string Net, int[] Indices)> Nets)
{
    /// <summary>From the model's own parameter list (the order the generated system uses for θ).</summary>
    public static TrainableQuantities Of(string text, string path)
    {
        var parameters = Compiler.Compile(text, path).System?.System.Parameters ?? [];
        var scalars = new List<int>();
        var nets = new List<(string, List<int>)>();
        for (var k = 0; k < parameters.Length; k++)
        {
            switch (parameters[k].Kind)
            {
                case ParameterKind.Learned or ParameterKind.InitialValue:
                    scalars.Add(k);
                    break;
                case ParameterKind.NetWeight or ParameterKind.NetBias:
                    var net = parameters[k].Name.Split('.')[0];
                    if (nets.Count == 0 || nets[^1].Item1 != net) nets.Add((net, []));
                    nets[^1].Item2.Add(k);
                    break;
            }
        }
        return new TrainableQuantities(scalars, [.. nets.Select(n => (n.Item1, n.Item2.ToArray()))]);
    }
}
