using OdeDsl.Runtime.Gradients;
using Xunit.Abstractions;

namespace OdeDsl.Runtime.Tests.Gradients;

/// <summary>
/// The 2-50-2 tanh MLP spiral of torchdiffeq's ode_demo (Models/spiral_mlp.ode): gradients through the network's
/// generated VJP for 24 of its 252 weights (spread over both layers and biases), z(t0), t0 and t1.
/// </summary>
public sealed class SpiralMlpGradientTests(ITestOutputHelper output)
{
    private static readonly int[] SomeWeights = [.. Enumerable.Range(0, 24).Select(k => k * 251 / 23)];

    private static GradientCase Case() =>
        GradientCase.FromDefaults(new SpiralMlp(), t1: 2, saves: 20, target: i => Math.Cos(0.5 * i));

    [Theory]
    [InlineData(GradientMethod.Adjoint)]
    [InlineData(GradientMethod.Checkpoint)]
    public void Continuous_adjoints_match_finite_differences(GradientMethod method) =>
        output.WriteLine(Case().CheckContinuous(method, SomeWeights));

    [Fact]
    public void Discrete_adjoint_is_the_derivative_of_the_fixed_step_solver() =>
        output.WriteLine(Case().CheckDiscrete("dopri5", 0.0307, SomeWeights));
}
