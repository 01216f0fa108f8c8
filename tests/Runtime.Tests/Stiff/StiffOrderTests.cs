using OdeDsl.Runtime.Solvers;
using OdeDsl.Runtime.Tests.Systems;
using Xunit.Abstractions;

namespace OdeDsl.Runtime.Tests.Stiff;

/// <summary>
/// The one-step stiff methods' orders, fitted from the error against <c>exp(At)·y0</c> over fixed step
/// sizes on a stiff linear problem (eigenvalues −1 ± i and −50, so the test also exercises the
/// linear solves); the fitted slope must lie within 0.3 of the nominal order. BDF picks its own
/// orders, so it is fitted over tolerances with the order capped (see <see cref="BdfOrderTests"/>).
/// </summary>
public sealed class StiffOrderTests(ITestOutputHelper output)
{
    internal static readonly double[,] Matrix = { { -1, 1, 0 }, { -1, -1, 0.5 }, { 0, 0, -50 } };
    internal static readonly double[] Start = [1, 0.5, 1];
    internal const double Horizon = 2;

    public static TheoryData<string, int, int[]> StepOrders => new()
    {
        { "implicit-euler", 1, [100, 200, 400, 800, 1600] },
        { "trbdf2", 2, [50, 100, 200, 400, 800] },
        { "rodas4", 4, [25, 35, 50, 70, 100] },
    };

    [Theory]
    [MemberData(nameof(StepOrders))]
    public void Fixed_steps_converge_at_the_nominal_order(string method, int order, int[] stepCounts)
    {
        var exact = Exact();
        var errors = stepCounts.Select(steps =>
        {
            var solution = Integrator.Solve(new LinearSystem(Matrix, Start),
                new SolveOptions { Method = method, T1 = Horizon, Dt = Horizon / steps });
            Assert.True(solution.Succeeded, solution.Message);
            var final = solution.State(solution.SavedCount - 1).ToArray();
            return Enumerable.Range(0, 3).Max(i => Math.Abs(final[i] - exact[i]));
        }).ToArray();
        var slope = FittedSlope([.. stepCounts.Select(s => Math.Log(Horizon / s))], [.. errors.Select(e => Math.Log(e))]);
        output.WriteLine($"{method}: errors {string.Join(", ", errors.Select(e => e.ToString("E2")))}, slope {slope:F2}");
        Assert.InRange(slope, order - 0.3, order + 0.3);
    }

    /// <summary><c>exp(A·Horizon)·y0</c>: the decoupled third component decays alone and drives the 2×2 block.</summary>
    internal static double[] Exact()
    {
        // Variation of constants by a very fine classical RK4 of the same linear system, independent of the stiff code.
        const int steps = 200_000;
        var h = Horizon / steps;
        var y = (double[])Start.Clone();
        double[] F(double[] v) =>
        [
            Matrix[0, 0] * v[0] + Matrix[0, 1] * v[1] + Matrix[0, 2] * v[2],
            Matrix[1, 0] * v[0] + Matrix[1, 1] * v[1] + Matrix[1, 2] * v[2],
            Matrix[2, 0] * v[0] + Matrix[2, 1] * v[1] + Matrix[2, 2] * v[2],
        ];
        double[] Add(double[] a, double[] b, double s) => [a[0] + s * b[0], a[1] + s * b[1], a[2] + s * b[2]];
        for (var k = 0; k < steps; k++)
        {
            var k1 = F(y);
            var k2 = F(Add(y, k1, h / 2));
            var k3 = F(Add(y, k2, h / 2));
            var k4 = F(Add(y, k3, h));
            for (var i = 0; i < 3; i++)
                y[i] += h / 6 * (k1[i] + 2 * k2[i] + 2 * k3[i] + k4[i]);
        }
        return y;
    }

    internal static double FittedSlope(double[] x, double[] y)
    {
        var meanX = x.Average();
        var meanY = y.Average();
        var covariance = x.Zip(y, (a, b) => (a - meanX) * (b - meanY)).Sum();
        var variance = x.Sum(a => (a - meanX) * (a - meanX));
        return covariance / variance;
    }
}
