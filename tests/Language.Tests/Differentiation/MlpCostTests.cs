using System.Collections.Immutable;
using OdeDsl.Language.Differentiation;
using OdeDsl.Language.IR;
using OdeDsl.Language.Lowering;
using Xunit.Abstractions;

namespace OdeDsl.Language.Tests.Differentiation;

/// <summary>
/// The spiral model <c>net f = mlp(2, 50, 2, act=tanh); state z[2]; z' = f(z^3)</c>: reverse mode
/// must backpropagate through the layers (a small constant times the forward work), not run one
/// pass per weight; and its gradients must match finite differences.
/// </summary>
public class MlpCostTests(ITestOutputHelper output)
{
    private static readonly int[] Widths = [2, 50, 2];

    internal static IrSystem Spiral()
    {
        var ir = new IrBuilder();
        var parameters = MlpLowering.Parameters("f", Widths, bias: true).ToImmutableArray();
        var cubes = Enumerable.Range(0, 2).Select(i => ir.Power(ir.State(i), ir.Constant(3))).ToImmutableArray();
        var (derivatives, layers) = MlpLowering.Apply(ir, "f", Widths, IrOperation.Tanh, bias: true, parameterOffset: 0, cubes);
        var states = ImmutableArray.Create(
            new IrState("z[0]", ir.Constant(2), 4, "z' = f(z^3)"),
            new IrState("z[1]", ir.Constant(0), 4, "z' = f(z^3)"));
        return new IrSystem("Spiral", states, parameters, [], derivatives, [], [], layers, IrOptions.Empty);
    }

    [Fact]
    public void Vjp_costs_at_most_four_times_the_forward_pass()
    {
        var differentiated = DifferentiatedSystem.From(Spiral());

        var forward = OperationCount.Of(differentiated.System.Derivatives);
        var vjp = OperationCount.Of(differentiated.DerivativeVjp.Outputs);
        var jacobian = OperationCount.Of(differentiated.Jacobian);
        output.WriteLine($"mlp(2, 50, 2) spiral: forward {forward} operations, VJP {vjp} operations (ratio {(double)vjp / forward:F2}), Jacobian {jacobian} operations");

        Assert.Equal(252, differentiated.System.ParameterCount);
        Assert.True(vjp <= 4 * forward, $"VJP {vjp} > 4 × forward {forward}");
    }

    [Fact]
    public void The_spiral_model_compiled_from_text_has_the_same_cost_bound()
    {
        const string text = "system Spiral\nstate z[2] = [2, 0]\nnet f = mlp(2, 50, 2, act=tanh)\nz' = f(z^3)\n";
        var result = Compiler.Compile(text, "spiral.ode");
        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics));
        var differentiated = result.System!;

        var forward = OperationCount.Of(differentiated.System.Derivatives);
        var vjp = OperationCount.Of(differentiated.DerivativeVjp.Outputs);
        output.WriteLine($"spiral.ode from text: forward {forward} operations, VJP {vjp} operations (ratio {(double)vjp / forward:F2})");

        Assert.Equal(252, differentiated.System.ParameterCount);
        Assert.True(vjp <= 4 * forward, $"VJP {vjp} > 4 × forward {forward}");
    }

    [Fact]
    public void Vjp_of_the_net_matches_finite_differences_for_states_and_sampled_weights()
    {
        var system = Spiral();
        var differentiated = DifferentiatedSystem.From(system);
        var theta = system.Parameters.Select(parameter => parameter.DefaultValue).ToArray();
        double[] z = [0.7, -0.4];
        double[] a = [0.3, -1.1];
        var point = new IrPoint(0, z, theta, Cotangents: a);

        double G(double[] states, double[] parameters) =>
            IrEvaluator.Evaluate(system.Derivatives, new IrPoint(0, states, parameters)).Select((value, k) => a[k] * value).Sum();
        double Central(Func<double, double> g, double at, double h = 1e-5) => (g(at + h) - g(at - h)) / (2 * h);

        for (var i = 0; i < 2; i++)
        {
            var expected = Central(x => G(Replace(z, i, x), theta), z[i]);
            Assert.Equal(expected, IrEvaluator.Evaluate(differentiated.DerivativeVjp.State[i], point), 8);
        }
        foreach (var j in new[] { 0, 1, 57, 99, 100, 149, 150, 151, 200, 250, 251 })
        {
            var expected = Central(x => G(z, Replace(theta, j, x)), theta[j]);
            Assert.Equal(expected, IrEvaluator.Evaluate(differentiated.DerivativeVjp.Parameters[j], point), 8);
        }
    }

    [Fact]
    public void Layers_are_recorded_for_loop_emission()
    {
        var system = Spiral();

        Assert.Collection(system.NetLayers,
            hidden =>
            {
                Assert.Equal((50, 2, 0, 100, IrOperation.Tanh), (hidden.Rows, hidden.Columns, hidden.WeightOffset, hidden.BiasOffset, hidden.Activation));
                Assert.All(hidden.Outputs, node => Assert.Equal(IrOperation.Tanh, node.Operation));
            },
            last =>
            {
                Assert.Equal((2, 50, 150, 250, (IrOperation?)null), (last.Rows, last.Columns, last.WeightOffset, last.BiasOffset, last.Activation));
                Assert.Equal(system.Derivatives, last.Outputs);
            });
        Assert.Equal("f.0.weight[0,1]", system.Parameters[1].Name);
        Assert.Equal("f.2.bias[1]", system.Parameters[251].Name);
        // PyTorch nn.Linear default: uniform on ±1/√fan_in.
        Assert.All(system.Parameters.Take(150), p => Assert.InRange(Math.Abs(p.DefaultValue), 0, 1 / Math.Sqrt(2)));
        Assert.All(system.Parameters.Skip(150), p => Assert.InRange(Math.Abs(p.DefaultValue), 0, 1 / Math.Sqrt(50)));
    }

    private static double[] Replace(double[] values, int index, double value)
    {
        var copy = (double[])values.Clone();
        copy[index] = value;
        return copy;
    }
}
