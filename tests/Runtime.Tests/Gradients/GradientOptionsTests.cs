using OdeDsl.Runtime.Gradients;
using OdeDsl.Runtime.Solvers;
using OdeDsl.Runtime.Tests.Systems;
using Xunit.Abstractions;

namespace OdeDsl.Runtime.Tests.Gradients;

/// <summary>Backward tolerances, the seminorm, checkpoint counts and invalid requests.</summary>
public sealed class GradientOptionsTests(ITestOutputHelper output)
{
    private static readonly int[] SomeWeights = [0, 50, 100, 150, 200, 251];

    private static GradientCase Spiral() =>
        GradientCase.FromDefaults(new SpiralMlp(), t1: 2, saves: 20, target: i => Math.Cos(0.5 * i));

    [Theory]
    [InlineData(GradientMethod.Adjoint)]
    [InlineData(GradientMethod.Checkpoint)]
    public void Seminorm_takes_fewer_backward_steps_and_keeps_the_gradient(GradientMethod method)
    {
        // 252 network weights: with the full norm their adjoints dominate step-size control.
        var problem = Spiral();
        var full = problem.Gradient(problem.Options(method, "dopri5", 1e-10));
        var semi = problem.Gradient(problem.Options(method, "dopri5", 1e-10) with { Seminorm = true });
        Assert.True(full.Succeeded && semi.Succeeded, full.Message + semi.Message);
        var expected = problem.FiniteDifferences(GradientCase.Reference, SomeWeights, 1e-4);
        var report = GradientCase.AssertMatches(GradientCase.Components(semi, SomeWeights), expected, 1e-6);
        output.WriteLine($"full norm: {full.Stats}; seminorm: {semi.Stats}; seminorm {report}");
        Assert.True(semi.Stats.BackwardSteps < full.Stats.BackwardSteps);
    }

    [Fact]
    public void Looser_backward_tolerances_take_fewer_steps()
    {
        var problem = Spiral();
        var options = problem.Options(GradientMethod.Adjoint, "dopri5", 1e-10);
        var tight = problem.Gradient(options);
        var loose = problem.Gradient(options with { BackwardRtol = 1e-5, BackwardAtol = 1e-5 });
        Assert.True(tight.Succeeded && loose.Succeeded);
        Assert.Equal(tight.Stats.ForwardSteps, loose.Stats.ForwardSteps);
        Assert.True(loose.Stats.BackwardSteps < tight.Stats.BackwardSteps / 3, $"{loose.Stats} vs {tight.Stats}");
    }

    [Fact]
    public void Checkpoint_memory_is_bounded_by_the_segments_and_discrete_memory_grows_with_the_steps()
    {
        var problem = Spiral();
        var few = problem.Gradient(problem.Options(GradientMethod.Checkpoint, "dopri5", 1e-8) with { Checkpoints = 2 });
        var many = problem.Gradient(problem.Options(GradientMethod.Checkpoint, "dopri5", 1e-8) with { Checkpoints = 40 });
        var discrete = problem.Gradient(problem.Options(GradientMethod.Discrete, "dopri5", 1e-8));
        var backsolve = problem.Gradient(problem.Options(GradientMethod.Adjoint, "dopri5", 1e-8));
        // B·n·8 = 16 bytes per stored state; a dopri5 step records 7 stages and two states.
        Assert.Equal(0, backsolve.Stats.PeakCheckpointBytes);
        Assert.Equal(discrete.Stats.BackwardSteps * 9 * 16, discrete.Stats.PeakCheckpointBytes);
        // Two segments record about half the steps each; forty keep 41 states but record only a few steps at a time.
        Assert.True(few.Stats.PeakCheckpointBytes > many.Stats.PeakCheckpointBytes);
        Assert.True(many.Stats.PeakCheckpointBytes >= 41 * 16);
        Assert.True(many.Stats.PeakCheckpointBytes < discrete.Stats.PeakCheckpointBytes);
        output.WriteLine($"2 checkpoints: {few.Stats}; 40 checkpoints: {many.Stats}; discrete: {discrete.Stats}");
    }

    [Fact]
    public void Invalid_requests_come_back_with_a_message()
    {
        var problem = Spiral();
        var wrongParameters = Gradient.Compute(problem.System, problem.InitialStates, [1.0, 2.0],
            problem.Options(GradientMethod.Adjoint, "dopri5", 1e-8), new SquaredErrorLoss(problem.Targets));
        Assert.Equal(SolveStatus.InvalidOptions, wrongParameters.Status);
        Assert.Contains("parameters", wrongParameters.Message);

        var noCheckpoints = problem.Gradient(problem.Options(GradientMethod.Checkpoint, "dopri5", 1e-8) with { Checkpoints = 0 });
        Assert.Equal(SolveStatus.InvalidOptions, noCheckpoints.Status);
        Assert.Contains("Checkpoints", noCheckpoints.Message);

        var badTolerance = problem.Gradient(problem.Options(GradientMethod.Adjoint, "dopri5", 1e-8) with { BackwardRtol = -1 });
        Assert.Contains("BackwardRtol", badTolerance.Message);
    }

    [Fact]
    public void A_system_without_a_vjp_or_a_failed_forward_solve_is_reported()
    {
        var system = new BlowUpSystem();
        var options = new GradientOptions { Solve = new SolveOptions { T1 = 0.5, SaveAt = [0.5] } };
        var noVjp = Gradient.Compute(system, [1.0], [], options, new SquaredErrorLoss([0.0]));
        Assert.Equal(SolveStatus.InvalidOptions, noVjp.Status);
        Assert.Contains("BlowUp cannot be differentiated", noVjp.Message);

        // y = 1/(1 − t) blows up at t = 1: the forward pass fails before any VJP is needed.
        var pastTheSingularity = Gradient.Compute(system, [1.0], [], options with { Solve = new SolveOptions { T1 = 2, SaveAt = [2.0] } },
            new SquaredErrorLoss([0.0]));
        Assert.False(pastTheSingularity.Succeeded);
        Assert.StartsWith("forward solve:", pastTheSingularity.Message);
    }
}
