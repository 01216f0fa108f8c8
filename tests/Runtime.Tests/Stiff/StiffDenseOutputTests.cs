using OdeDsl.Runtime.Solvers;
using OdeDsl.Runtime.Tests.Systems;

namespace OdeDsl.Runtime.Tests.Stiff;

/// <summary>
/// Save points strictly inside steps come from the dense output (cubic Hermite for the one-step
/// methods, the interpolating polynomial for BDF) and must match <c>exp(At)·y0</c> to about the tolerance.
/// </summary>
public sealed class StiffDenseOutputTests
{
    [Theory]
    [InlineData("rodas4")]
    [InlineData("trbdf2")]
    [InlineData("bdf")]
    [InlineData("auto")]
    public void Interior_save_points_match_the_exact_solution(string method)
    {
        double[] times = [0.37, 1.13, 1.71];
        var system = new LinearSystem(StiffOrderTests.Matrix, StiffOrderTests.Start);
        var solution = Integrator.Solve(system, new SolveOptions
        {
            Method = method, T1 = StiffOrderTests.Horizon, SaveAt = times, Rtol = 1e-7, Atol = 1e-9,
        });
        Assert.True(solution.Succeeded, solution.Message);
        for (var k = 0; k < times.Length; k++)
        {
            var exact = StiffOrderTests.Exact(times[k]);
            for (var i = 0; i < 3; i++)
                Assert.True(Math.Abs(solution.State(k)[i] - exact[i]) < 1e-5,
                    $"t={times[k]}, component {i}: {solution.State(k)[i]} vs {exact[i]}");
        }
    }
}
