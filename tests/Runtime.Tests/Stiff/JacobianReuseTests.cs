using OdeDsl.Runtime.Solvers;
using Xunit.Abstractions;

namespace OdeDsl.Runtime.Tests.Stiff;

/// <summary>
/// The counters in <see cref="SolverStats"/> prove the Newton-based methods reuse the Jacobian and its
/// LU across steps, that the exact Jacobian comes from the system, and that systems without one
/// fall back to finite differences with the same result.
/// </summary>
public sealed class JacobianReuseTests(ITestOutputHelper output)
{
    private static Solution<double> Solve(StiffTestSystem system, string method, double t1, double rtol = 1e-6) =>
        Integrator.Solve(system, new SolveOptions { Method = method, T1 = t1, Rtol = rtol, Atol = 1e-10 });

    [Theory]
    [InlineData("bdf")]
    [InlineData("trbdf2")]
    public void Newton_methods_factor_far_less_often_than_they_step(string method)
    {
        var system = new HiresSystem();
        var solution = Solve(system, method, 321.8122);
        Assert.True(solution.Succeeded, solution.Message);
        var stats = solution.Stats;
        output.WriteLine($"{method}: {stats}");
        var attempts = stats.AcceptedSteps + stats.RejectedSteps;
        Assert.True(stats.LuFactorizations < attempts / 2, $"{stats.LuFactorizations} LUs for {attempts} steps");
        Assert.True(stats.JacobianEvaluations < stats.LuFactorizations / 2,
            $"{stats.JacobianEvaluations} Jacobians for {stats.LuFactorizations} LUs");
        Assert.Equal(stats.JacobianEvaluations, system.JacobianCalls);
    }

    [Fact]
    public void Rosenbrock_evaluates_one_Jacobian_per_accepted_step()
    {
        var system = new OregonatorSystem();
        var solution = Solve(system, "rodas4", 30);
        Assert.True(solution.Succeeded, solution.Message);
        Assert.Equal(solution.Stats.AcceptedSteps, solution.Stats.JacobianEvaluations);
        // A rejected step keeps the Jacobian and refactors only for the new step size.
        Assert.Equal(solution.Stats.AcceptedSteps + solution.Stats.RejectedSteps, solution.Stats.LuFactorizations);
    }

    [Theory]
    [InlineData("rodas4")]
    [InlineData("trbdf2")]
    [InlineData("bdf")]
    public void Finite_differences_replace_a_missing_Jacobian(string method)
    {
        var exact = Solve(new RobertsonSystem(), method, 40, rtol: 1e-7);
        var differenced = Solve(new RobertsonSystem { ProvidesJacobian = false }, method, 40, rtol: 1e-7);
        Assert.True(differenced.Succeeded, differenced.Message);
        var a = exact.State(exact.SavedCount - 1);
        var b = differenced.State(differenced.SavedCount - 1);
        for (var i = 0; i < 3; i++)
            Assert.True(Math.Abs(a[i] - b[i]) <= 1e-5 * Math.Abs(a[i]) + 1e-10, $"component {i}: {a[i]} vs {b[i]}");
        // Each differenced Jacobian costs n = 3 extra evaluations.
        Assert.True(differenced.Stats.FunctionEvaluations >= 3 * differenced.Stats.JacobianEvaluations);
        output.WriteLine($"{method}: exact {exact.Stats}; differenced {differenced.Stats}");
    }
}
