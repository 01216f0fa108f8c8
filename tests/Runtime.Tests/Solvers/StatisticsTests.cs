using OdeDsl.Runtime.Solvers;
using OdeDsl.Runtime.Tests.Systems;

namespace OdeDsl.Runtime.Tests.Solvers;

/// <summary>The reported statistics match what happened: kernel calls counted by the system itself.</summary>
public sealed class StatisticsTests
{
    [Theory]
    [InlineData("dopri5")]
    [InlineData("tsit5")]
    [InlineData("dop853")]
    [InlineData("bosh3")]
    public void Function_evaluations_equal_the_kernel_calls(string method)
    {
        var system = new ArenstorfSystem();
        var saveAt = Enumerable.Range(0, 20).Select(k => k * 0.8).ToArray();

        var solution = Integrator.Solve(system, new SolveOptions { Method = method, T1 = 16, SaveAt = saveAt, Rtol = 1e-7, Atol = 1e-7 });

        Assert.True(solution.Succeeded, solution.Message);
        Assert.Equal(system.Calls, solution.Stats.FunctionEvaluations);
        Assert.True(solution.Stats.RejectedSteps > 0, "the Arenstorf orbit should force some rejections");
    }

    [Fact]
    public void Fixed_step_rk4_costs_four_evaluations_per_step()
    {
        var system = LinearSystem.ExponentialDecay(1, 1);

        var solution = Integrator.Solve(system, new SolveOptions { Method = "rk4", T1 = 1, Dt = 0.01 });

        // One evaluation at t0, then three stages and the end derivative per step.
        Assert.Equal(new SolverStats(1 + 4 * 100, 100, 0), solution.Stats);
        Assert.Equal(system.Calls, solution.Stats.FunctionEvaluations);
    }

    [Fact]
    public void First_and_maximum_step_options_are_honoured()
    {
        var system = LinearSystem.ExponentialDecay(1, 1);

        var capped = Integrator.Solve(system, new SolveOptions { T1 = 10, MaxStep = 0.1, Rtol = 1e-3, Atol = 1e-3 });
        var firstStep = Integrator.Solve(system, new SolveOptions { T1 = 10, FirstStep = 1e-3, Rtol = 1e-3, Atol = 1e-3 });
        var automatic = Integrator.Solve(system, new SolveOptions { T1 = 10, Rtol = 1e-3, Atol = 1e-3 });

        Assert.True(capped.Stats.AcceptedSteps >= 100, $"{capped.Stats.AcceptedSteps} steps with MaxStep 0.1 over 10");
        // Starting at 1e-3 costs the solver extra steps to grow the step (at most tenfold each).
        Assert.True(firstStep.Stats.AcceptedSteps > automatic.Stats.AcceptedSteps);
    }
}
