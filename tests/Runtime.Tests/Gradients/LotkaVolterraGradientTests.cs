using OdeDsl.Runtime.Gradients;
using Xunit.Abstractions;

namespace OdeDsl.Runtime.Tests.Gradients;

/// <summary>
/// Lotka–Volterra (generated from Models/lotka_volterra.ode) with a loss on 150 save points over [0, 15]: gradients for
/// z(t0), all four parameters, t0 and t1 against finite differences.
/// </summary>
public sealed class LotkaVolterraGradientTests(ITestOutputHelper output)
{
    private static readonly int[] AllParameters = [0, 1, 2, 3];

    private static GradientCase Case() =>
        GradientCase.FromDefaults(new PredatorPrey(), t1: 15, saves: 150, target: i => 5 + 3 * Math.Sin(0.37 * i));

    [Theory]
    [InlineData(GradientMethod.Adjoint)]
    [InlineData(GradientMethod.Checkpoint)]
    public void Continuous_adjoints_match_finite_differences(GradientMethod method) =>
        output.WriteLine(Case().CheckContinuous(method, AllParameters));

    [Theory]
    [InlineData("dopri5")]
    [InlineData("dop853")]
    [InlineData("tsit5")]
    [InlineData("rk4")]
    public void Discrete_adjoint_is_the_derivative_of_the_fixed_step_solver(string solver) =>
        // 0.0703 puts no step end on a save time (0.1·k) and leaves a last step of 0.026 before t1 = 15, so every
        // save keeps its place in its step under the perturbations and t1 moves only the last step.
        output.WriteLine(Case().CheckDiscrete(solver, 0.0703, AllParameters));
}
