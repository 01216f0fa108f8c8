using OdeDsl.Runtime.Solvers;
using OdeDsl.Runtime.Solvers.Stiff;
using OdeDsl.Runtime.Tests.Systems;
using Xunit.Abstractions;

namespace OdeDsl.Runtime.Tests.Stiff;

/// <summary>
/// BDF chooses its own steps and orders, so its order is fitted the adaptive way: with the order
/// capped at k, the global error against <c>exp(At)·y0</c> must fall as <c>N^(−k)</c> in the number of
/// steps N over a range of tolerances (slope within 0.3 of k).
/// </summary>
public sealed class BdfOrderTests(ITestOutputHelper output)
{
    public static TheoryData<int, double[]> Orders => new()
    {
        { 1, [1e-3, 3e-4, 1e-4, 3e-5, 1e-5] },
        { 2, [1e-4, 1e-5, 1e-6, 1e-7, 1e-8] },
        { 3, [1e-5, 1e-6, 1e-7, 1e-8, 1e-9] },
        { 4, [1e-8, 1e-9, 1e-10, 1e-11, 1e-12] },
        { 5, [1e-9, 1e-10, 1e-11, 1e-12, 1e-13] },
    };

    [Theory]
    [MemberData(nameof(Orders))]
    public void Error_falls_with_the_capped_order(int order, double[] rtols)
    {
        var method = StiffMethod.BackwardDifferentiation($"bdf{order}", order);
        var system = new LinearSystem(StiffOrderTests.Matrix, StiffOrderTests.Start);
        var exact = StiffOrderTests.Exact();
        var steps = new double[rtols.Length];
        var errors = new double[rtols.Length];
        for (var k = 0; k < rtols.Length; k++)
        {
            var options = new SolveOptions { T1 = StiffOrderTests.Horizon, Rtol = rtols[k], Atol = rtols[k] * 1e-2 };
            var (saved, _, _, outcome) = StiffIntegrator.Solve(system, StiffOrderTests.Start, system.Parameters, options, method);
            Assert.Equal(SolveStatus.Success, outcome.Status);
            steps[k] = Math.Log(outcome.Stats.AcceptedSteps);
            errors[k] = Math.Log(Enumerable.Range(0, 3).Max(i => Math.Abs(saved[3 + i] - exact[i])));
        }
        var slope = -StiffOrderTests.FittedSlope(steps, errors);
        output.WriteLine($"order {order}: steps {string.Join(", ", steps.Select(s => Math.Round(Math.Exp(s))))}, slope {slope:F2}");
        Assert.InRange(slope, order - 0.3, order + 0.3);
    }
}
