using OdeDsl.Runtime.Gradients;
using OdeDsl.Runtime.Solvers;
using Xunit.Abstractions;

namespace OdeDsl.Runtime.Tests.Gradients;

/// <summary>
/// Lotka–Volterra (generated from Models/lotka_volterra.ode) with a loss on 150 save points: every gradient against
/// central differences of independent DOP853 solves at rtol 1e-12.
/// </summary>
public sealed class LotkaVolterraGradientTests(ITestOutputHelper output)
{
    private static readonly int[] AllParameters = [0, 1, 2, 3];

    private static GradientCase Case() =>
        GradientCase.FromDefaults(new PredatorPrey(), t1: 15, saves: 150, target: i => 5 + 3 * Math.Sin(0.37 * i));

    private static readonly SolveOptions Reference = new() { Method = "dop853", Rtol = 1e-12, Atol = 1e-12 };

    [Theory]
    [InlineData(GradientMethod.Adjoint)]
    [InlineData(GradientMethod.Checkpoint)]
    public void Continuous_adjoints_match_finite_differences(GradientMethod method)
    {
        var problem = Case();
        var result = problem.Gradient(problem.Options(method, "dopri5", 1e-10));
        Assert.True(result.Succeeded, result.Message);

        var expected = problem.FiniteDifferences(Reference, AllParameters, 1e-5);
        var actual = GradientCase.Components(result, AllParameters);
        var error = GradientCase.RelativeError(actual, expected);
        output.WriteLine($"{method}: relative error {error:E2}; {result.Stats}");
        output.WriteLine($"expected {string.Join(", ", expected)}");
        output.WriteLine($"actual   {string.Join(", ", actual)}");
        Assert.True(error <= 1e-6, $"relative error {error:E2}");
    }
}
