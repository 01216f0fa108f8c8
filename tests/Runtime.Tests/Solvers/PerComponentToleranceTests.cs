using OdeDsl.Runtime.Solvers;
using OdeDsl.Runtime.Tests.Systems;

namespace OdeDsl.Runtime.Tests.Solvers;

/// <summary>Per-state tolerances: each state is held to its own rtol and atol.</summary>
public sealed class PerComponentToleranceTests
{
    // Two decoupled decays, y0' = −y0 and y1' = −2·y1, so each state's error is its own.
    private static readonly double[,] Matrix = { { -1, 0 }, { 0, -2 } };
    private static readonly double[] Start = [1, 1];

    [Fact]
    public void The_strict_state_meets_its_tolerance_and_sets_the_step()
    {
        var system = new LinearSystem(Matrix, Start);
        SolveOptions With(Tolerance tolerance) => new() { T1 = 3, Rtol = tolerance, Atol = tolerance };

        var mixed = Integrator.Solve(system, With(new[] { 1e-10, 1e-3 }));
        var strict = Integrator.Solve(system, With(1e-10));
        var loose = Integrator.Solve(system, With(1e-3));

        Assert.True(mixed.Succeeded, mixed.Message);
        Assert.Equal(Math.Exp(-3), mixed.State(1)[0], 2e-9);
        Assert.True(mixed.Stats.AcceptedSteps > 5 * loose.Stats.AcceptedSteps,
            $"{mixed.Stats.AcceptedSteps} steps with a strict first state vs {loose.Stats.AcceptedSteps} with both loose");
        Assert.True(mixed.Stats.AcceptedSteps <= strict.Stats.AcceptedSteps);
    }

    [Fact]
    public void A_state_with_a_loose_tolerance_does_not_drive_the_step()
    {
        var system = new LinearSystem(Matrix, Start);

        var looseSecond = Integrator.Solve(system, new SolveOptions { T1 = 3, Rtol = new[] { 1e-4, 1e-4 }, Atol = new[] { 1e-4, 1e-4 } });
        var looserSecond = Integrator.Solve(system, new SolveOptions { T1 = 3, Rtol = new[] { 1e-4, 1.0 }, Atol = new[] { 1e-4, 1.0 } });

        Assert.True(looserSecond.Stats.AcceptedSteps < looseSecond.Stats.AcceptedSteps);
        Assert.Equal(Math.Exp(-3), looserSecond.State(1)[0], 2e-3);
    }

    [Fact]
    public void Options_with_equal_tolerances_are_equal()
    {
        Assert.Equal(new SolveOptions { Rtol = 1e-8, Atol = new[] { 1e-6, 1e-9 } },
            new SolveOptions { Rtol = 1e-8, Atol = new[] { 1e-6, 1e-9 } });
        Assert.NotEqual(new SolveOptions { Rtol = 1e-8 }, new SolveOptions { Rtol = 1e-9 });
    }
}
