using OdeDsl.Runtime.Solvers;
using OdeDsl.Runtime.Tests.Systems;

namespace OdeDsl.Runtime.Tests.Solvers;

/// <summary>Integration with <c>T1 &lt; T0</c>, which the adjoint needs, for every adaptive method.</summary>
public sealed class BackwardIntegrationTests
{
    private static readonly double[,] Matrix = { { -0.5, 2 }, { -1.5, -0.1 } };

    [Theory]
    [InlineData("bosh3", 1e-8)]
    [InlineData("dopri5", 1e-9)]
    [InlineData("tsit5", 1e-9)]
    [InlineData("dop853", 1e-10)]
    public void Forward_then_backward_returns_to_the_initial_value(string method, double tolerance)
    {
        var system = LotkaVolterra.Create();
        var forward = Integrator.Solve(system, new SolveOptions
        {
            Method = method, T1 = 5, Rtol = tolerance, Atol = tolerance,
        });
        Assert.True(forward.Succeeded, forward.Message);

        var parameters = new double[4];
        system.GetDefaultParameters(parameters);
        var backward = Integrator.Solve<double>(system, forward.State(1), parameters, new SolveOptions
        {
            Method = method, T0 = 5, T1 = 0, Rtol = tolerance, Atol = tolerance,
        });

        Assert.True(backward.Succeeded, backward.Message);
        Assert.Equal(1.0, backward.State(1)[0], 1000 * tolerance);
        Assert.Equal(1.0, backward.State(1)[1], 1000 * tolerance);
    }

    [Theory]
    [InlineData("dopri5")]
    [InlineData("tsit5")]
    [InlineData("dop853")]
    [InlineData("bosh3")]
    public void Backward_solution_matches_the_matrix_exponential_at_save_points(string method)
    {
        double[] end = [0.3, -0.8];
        var system = new LinearSystem(Matrix, end);
        double[] saveAt = [4, 3.3, 2.5, 1.1, 0.2, 0];
        var solution = Integrator.Solve(system, new SolveOptions
        {
            Method = method, T0 = 4, T1 = 0, SaveAt = saveAt, Rtol = 1e-9, Atol = 1e-9,
        });

        Assert.True(solution.Succeeded, solution.Message);
        for (var k = 0; k < saveAt.Length; k++)
        {
            // y(t) = exp(A (t − 4)) y(4)
            var expected = Analytic.MatrixExponential(Matrix, saveAt[k] - 4, end);
            Assert.Equal(expected[0], solution.State(k)[0], 1e-7);
            Assert.Equal(expected[1], solution.State(k)[1], 1e-7);
        }
    }

    [Fact]
    public void Fixed_steps_run_backwards_too()
    {
        var system = LinearSystem.ExponentialDecay(1, 1);
        var solution = Integrator.Solve<double>(system, [Math.E], [-1], new SolveOptions
        {
            Method = "rk4", T0 = 1, T1 = 0, Dt = 0.01,
        });

        Assert.True(solution.Succeeded, solution.Message);
        Assert.Equal(100, solution.Stats.AcceptedSteps);
        Assert.Equal(Math.E * Math.E, solution.State(1)[0], 1e-8);
    }
}
