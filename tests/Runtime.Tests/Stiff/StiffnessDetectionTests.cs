using OdeDsl.Runtime.Solvers;
using OdeDsl.Runtime.Tests.Systems;
using Xunit.Abstractions;

namespace OdeDsl.Runtime.Tests.Stiff;

/// <summary>
/// Method <c>auto</c> stays explicit (no Jacobians) on a non-stiff problem, and switches to Rodas4 on a
/// stiff one, where it needs a small fraction of the explicit method's steps for the same answer.
/// </summary>
public sealed class StiffnessDetectionTests(ITestOutputHelper output)
{
    [Fact]
    public void A_non_stiff_problem_never_evaluates_a_Jacobian()
    {
        var system = LinearSystem.HarmonicOscillator(omega: 2, x0: 1, v0: 0);
        var solution = Integrator.Solve(system, new SolveOptions { Method = "auto", T1 = 20, Rtol = 1e-8, Atol = 1e-10 });
        Assert.True(solution.Succeeded, solution.Message);
        Assert.Equal(0, solution.Stats.JacobianEvaluations);
        var final = solution.State(solution.SavedCount - 1);
        Assert.Equal(Math.Cos(40), final[0], 1e-6);
    }

    [Fact]
    public void A_stiff_problem_switches_to_the_stiff_method()
    {
        var options = new SolveOptions { T1 = 100, Rtol = 1e-6, Atol = 1e-12, MaxSteps = 2_000_000 };
        var automatic = Integrator.Solve(new RobertsonSystem(), options with { Method = "auto" });
        var explicitOnly = Integrator.Solve(new RobertsonSystem(), options with { Method = "dopri5" });
        var reference = Integrator.Solve(new RobertsonSystem(), options with { Method = "rodas4", Rtol = 1e-10, Atol = 1e-16 });
        Assert.True(automatic.Succeeded, automatic.Message);
        Assert.True(explicitOnly.Succeeded, explicitOnly.Message);
        output.WriteLine($"auto: {automatic.Stats}; dopri5: {explicitOnly.Stats}");
        Assert.True(automatic.Stats.JacobianEvaluations > 0);
        Assert.True(automatic.Stats.AcceptedSteps * 20 < explicitOnly.Stats.AcceptedSteps,
            $"auto {automatic.Stats.AcceptedSteps} steps, dopri5 {explicitOnly.Stats.AcceptedSteps}");
        for (var i = 0; i < 3; i++)
        {
            var expected = reference.State(reference.SavedCount - 1)[i];
            Assert.True(Math.Abs(automatic.State(automatic.SavedCount - 1)[i] - expected) <= 1e-4 * Math.Abs(expected) + 1e-12);
        }
    }
}
