using OdeDsl.Runtime.Solvers;
using OdeDsl.Runtime.Tests.Systems;
using Xunit.Abstractions;

namespace OdeDsl.Runtime.Tests.Solvers;

/// <summary>
/// Arenstorf's orbit (Hairer, Nørsett &amp; Wanner I, II.0) is periodic: after its period the satellite
/// is back where it started. A demanding test of long, accurate integration through close approaches.
/// </summary>
public sealed class ArenstorfOrbitTests(ITestOutputHelper output)
{
    [Fact]
    public void Dop853_returns_to_the_start_after_one_period()
    {
        var system = new ArenstorfSystem();
        var solution = Integrator.Solve(system, new SolveOptions
        {
            Method = "dop853", T1 = ArenstorfSystem.Period, Rtol = 1e-12, Atol = 1e-12,
        });

        Assert.True(solution.Succeeded, solution.Message);
        var end = solution.State(1);
        var distance = 0.0;
        for (var i = 0; i < 4; i++)
            distance = Math.Max(distance, Math.Abs(end[i] - ArenstorfSystem.Start[i]));
        output.WriteLine($"max |y(T) − y(0)| = {distance:E3}, {solution.Stats}");
        Assert.True(distance < 1e-6, $"the orbit ends {distance:E3} away from its start");
    }

    [Theory]
    [InlineData("dopri5")]
    [InlineData("tsit5")]
    public void Fifth_order_methods_close_the_orbit_at_tight_tolerance(string method)
    {
        var system = new ArenstorfSystem();
        var solution = Integrator.Solve(system, new SolveOptions
        {
            Method = method, T1 = ArenstorfSystem.Period, Rtol = 1e-11, Atol = 1e-11,
        });

        Assert.True(solution.Succeeded, solution.Message);
        var end = solution.State(1);
        Assert.InRange(end[0], ArenstorfSystem.Start[0] - 1e-4, ArenstorfSystem.Start[0] + 1e-4);
        Assert.InRange(end[1], -1e-4, 1e-4);
    }
}
