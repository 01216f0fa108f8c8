using OdeDsl.Runtime.Solvers;
using OdeDsl.Runtime.Tests.Systems;
using Xunit.Abstractions;

namespace OdeDsl.Runtime.Tests.Solvers;

/// <summary>
/// Adaptive methods meet their tolerance: across rtol = atol = 1e-3 … 1e-10 the global error at 50
/// save points stays within a small multiple of the tolerance, against closed-form solutions.
/// </summary>
public sealed class ToleranceProportionalityTests(ITestOutputHelper output)
{
    /// <summary>Global error may exceed the local tolerance by this much (errors accumulate over the steps).</summary>
    private const double AllowedMultiple = 20;

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var method in new[] { "bosh3", "dopri5", "tsit5", "dop853" })
            foreach (var problem in new[] { "decay", "oscillator", "linear2x2" })
                data.Add(method, problem);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Global_error_is_a_small_multiple_of_the_tolerance(string method, string problem)
    {
        var (matrix, start, horizon) = problem switch
        {
            "decay" => (new double[,] { { -0.7 } }, new[] { 2.0 }, 5.0),
            "oscillator" => (new double[,] { { 0, 1 }, { -4, 0 } }, new[] { 1.0, 0.0 }, 10.0),
            _ => (new double[,] { { -0.5, 2 }, { -1.5, -0.1 } }, new[] { 1.0, -1.0 }, 8.0),
        };
        var system = new LinearSystem(matrix, start);
        var saveAt = Enumerable.Range(0, 51).Select(k => horizon * k / 50).ToArray();

        for (var exponent = 3; exponent <= 10; exponent++)
        {
            var tolerance = Math.Pow(10, -exponent);
            var solution = Integrator.Solve(system, new SolveOptions
            {
                Method = method, T1 = horizon, SaveAt = saveAt, Rtol = tolerance, Atol = tolerance,
            });
            Assert.True(solution.Succeeded, solution.Message);

            var error = 0.0;
            for (var k = 0; k < saveAt.Length; k++)
            {
                var expected = Analytic.MatrixExponential(matrix, saveAt[k], start);
                var actual = solution.State(k);
                for (var i = 0; i < expected.Length; i++)
                    error = Math.Max(error, Math.Abs(actual[i] - expected[i]) / (1 + Math.Abs(expected[i])));
            }
            output.WriteLine($"{method} {problem} tol=1e-{exponent}: error {error:E2} ({error / tolerance:F2}×), {solution.Stats}");
            Assert.True(error <= AllowedMultiple * tolerance,
                $"{method} on {problem} at tol 1e-{exponent}: error {error:E2} is {error / tolerance:F1}× the tolerance");
        }
    }
}
