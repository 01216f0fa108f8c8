using OdeDsl.Runtime.Solvers;
using OdeDsl.Runtime.Tests.Systems;
using Xunit.Abstractions;

namespace OdeDsl.Runtime.Tests.Solvers;

/// <summary>
/// Every method's order, fitted from the error against <c>exp(At)·y0</c> over a range of fixed step sizes
/// (diffrax's <c>test_ode_order</c>); the fitted slope must lie within 0.3 of the nominal order.
/// Dense output is checked the same way at points strictly inside the steps.
/// </summary>
public sealed class ConvergenceOrderTests(ITestOutputHelper output)
{
    private static readonly double[,] Matrix = { { -0.2, 1 }, { -1, -0.2 } };
    private static readonly double[] Start = [1, 0.5];
    private const double Horizon = 2;

    /// <summary>Method, nominal order, step counts whose errors stay well above round-off.</summary>
    public static TheoryData<string, int, int[]> StepOrders => new()
    {
        { "euler", 1, [64, 128, 256, 512, 1024] },
        { "midpoint", 2, [16, 32, 64, 128, 256] },
        { "heun", 2, [16, 32, 64, 128, 256] },
        { "rk4", 4, [8, 16, 32, 64, 128] },
        { "bosh3", 3, [8, 16, 32, 64, 128] },
        { "dopri5", 5, [4, 8, 16, 32, 64] },
        { "tsit5", 5, [16, 24, 32, 48, 64] },
        { "dop853", 8, [4, 6, 8, 12, 16] },
    };

    /// <summary>
    /// Method, order of the dense output's global error, step counts. A continuous extension of order q on a
    /// method of order p has global error O(h^min(p, q+1)); cubic Hermite has q = 3.
    /// </summary>
    public static TheoryData<string, int, int[]> DenseOrders => new()
    {
        { "euler", 1, [64, 128, 256, 512, 1024] },
        { "midpoint", 2, [16, 32, 64, 128, 256] },
        { "heun", 2, [16, 32, 64, 128, 256] },
        { "rk4", 4, [8, 16, 32, 64, 128] },
        { "bosh3", 3, [8, 16, 32, 64, 128] },
        { "dopri5", 5, [4, 8, 16, 32, 64] },
        { "tsit5", 5, [4, 8, 16, 32, 64] },
        { "dop853", 8, [4, 6, 8, 12, 16] },
    };

    [Theory]
    [MemberData(nameof(StepOrders))]
    public void Step_error_converges_at_the_nominal_order(string method, int order, int[] stepCounts)
    {
        var system = new LinearSystem(Matrix, Start);
        var expected = Analytic.MatrixExponential(Matrix, Horizon, Start);
        var stepSizes = new List<double>();
        var errors = new List<double>();
        foreach (var steps in stepCounts)
        {
            var dt = Horizon / steps;
            var solution = Integrator.Solve(system, new SolveOptions { Method = method, T1 = Horizon, Dt = dt });
            Assert.True(solution.Succeeded, solution.Message);
            Assert.Equal(steps, solution.Stats.AcceptedSteps);
            stepSizes.Add(dt);
            errors.Add(MaxError(solution.State(1), expected));
        }

        var fitted = Analytic.FittedOrder(stepSizes, errors);
        output.WriteLine($"{method}: fitted order {fitted:F3}; errors {string.Join(", ", errors.Select(e => e.ToString("E2")))}");
        Assert.InRange(fitted, order - 0.3, order + 0.3);
    }

    [Theory]
    [MemberData(nameof(DenseOrders))]
    public void Dense_output_converges_like_the_steps(string method, int order, int[] stepCounts)
    {
        var system = new LinearSystem(Matrix, Start);
        var stepSizes = new List<double>();
        var errors = new List<double>();
        foreach (var steps in stepCounts)
        {
            var dt = Horizon / steps;
            // One point at the same fraction θ = 0.37 of every step, so the error constant does not jump with h.
            var saveAt = Enumerable.Range(0, steps).Select(k => (k + 0.37) * dt).ToArray();
            var solution = Integrator.Solve(system,
                new SolveOptions { Method = method, T1 = Horizon, Dt = dt, SaveAt = saveAt });
            Assert.True(solution.Succeeded, solution.Message);
            var error = 0.0;
            for (var k = 0; k < saveAt.Length; k++)
                error = Math.Max(error, MaxError(solution.State(k), Analytic.MatrixExponential(Matrix, saveAt[k], Start)));
            stepSizes.Add(dt);
            errors.Add(error);
        }

        var fitted = Analytic.FittedOrder(stepSizes, errors);
        output.WriteLine($"{method}: fitted dense order {fitted:F3}; errors {string.Join(", ", errors.Select(e => e.ToString("E2")))}");
        Assert.InRange(fitted, order - 0.3, order + 0.3);
    }

    private static double MaxError(ReadOnlySpan<double> actual, double[] expected)
    {
        var error = 0.0;
        for (var i = 0; i < expected.Length; i++)
            error = Math.Max(error, Math.Abs(actual[i] - expected[i]));
        return error;
    }
}
