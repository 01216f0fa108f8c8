using OdeDsl.Runtime.Gradients;
using Xunit.Abstractions;

namespace OdeDsl.Runtime.Tests.Gradients;

/// <summary>
/// Observations at t0 and a last observation before t1: the observation at t0 is the initial state whatever t0 is,
/// and nothing after the last observation matters, so dL/dt1 = 0. Checked against finite differences.
/// </summary>
public sealed class ObservationPlacementTests(ITestOutputHelper output)
{
    private static readonly int[] AllParameters = [0, 1, 2, 3];

    private static GradientCase Case()
    {
        var saveAt = Enumerable.Range(0, 21).Select(k => 0.5 * k).ToArray();
        return new GradientCase(new PredatorPrey(), [10, 5], [1.1, 0.4, 0.1, 0.4], 0, 12, saveAt, i => 4 + Math.Cos(i));
    }

    [Theory]
    [InlineData(GradientMethod.Adjoint)]
    [InlineData(GradientMethod.Checkpoint)]
    public void Continuous_adjoints_match_finite_differences(GradientMethod method)
    {
        var problem = Case();
        var result = problem.Gradient(problem.Options(method, "dopri5", 1e-10));
        Assert.Equal(0, result.T1);
        var expected = problem.FiniteDifferences(GradientCase.Reference, AllParameters, 1e-4);
        // dL/dt1 is 0 on both sides here, so compare everything but it.
        var report = GradientCase.RelativeError(GradientCase.Components(result, AllParameters)[..^1], expected[..^1]);
        output.WriteLine($"{method}: relative error {report:E2}, finite-difference dL/dt1 {expected[^1]:E2}");
        Assert.True(report <= 1e-6, $"relative error {report:E2}");
        Assert.True(Math.Abs(expected[^1]) <= 1e-6);
    }

    [Fact]
    public void Discrete_adjoint_matches_the_fixed_step_solver()
    {
        var problem = Case();
        var options = problem.Options(GradientMethod.Discrete, "dopri5", 1e-6, dt: 0.0703);
        var result = problem.Gradient(options);
        var expected = problem.FiniteDifferences(options.Solve, AllParameters, 1e-4);
        var error = GradientCase.RelativeError(GradientCase.Components(result, AllParameters)[..^1], expected[..^1]);
        output.WriteLine($"discrete: relative error {error:E2}; dL/dt1 {result.T1}, finite differences {expected[^1]:E2}");
        Assert.True(error <= 1e-8, $"relative error {error:E2}");
        Assert.Equal(0, result.T1);
        Assert.True(Math.Abs(expected[^1]) <= 1e-8);
    }
}
