using OdeDsl.Runtime.Solvers;

namespace OdeDsl.Runtime.Tests.Stiff;

/// <summary>Stiff solves end with the same kinds of clear messages as explicit ones, plus Newton failures.</summary>
public sealed class StiffFailureTests
{
    /// <summary><c>y' = y²</c>, <c>y(0) = 1</c>: blows up at t = 1.</summary>
    private sealed class BlowUp : StiffTestSystem
    {
        public override string Name => "BlowUp";

        public override IReadOnlyList<string> StateNames => ["y"];

        public override void GetInitialState(ReadOnlySpan<double> parameters, Span<double> state) => state[0] = 1;

        protected override void Evaluate(double t, ReadOnlySpan<double> y, Span<double> dy) => dy[0] = y[0] * y[0];

        protected override void EvaluateJacobian(double t, ReadOnlySpan<double> y, Span<double> jacobian) =>
            jacobian[0] = 2 * y[0];
    }

    /// <summary>
    /// <c>y' = −1</c> for <c>y ≥ 0</c>, <c>+1</c> below: once <c>0 ≤ y &lt; h</c> the implicit Euler equation
    /// <c>Z = y + h·f(Z)</c> has no solution, so Newton keeps failing as the step shrinks towards underflow
    /// (with an absolute tolerance so small that no oscillation of size h passes as converged).
    /// </summary>
    private sealed class Relay : StiffTestSystem
    {
        public override string Name => "Relay";

        public override IReadOnlyList<string> StateNames => ["y"];

        public override void GetInitialState(ReadOnlySpan<double> parameters, Span<double> state) => state[0] = 1;

        protected override void Evaluate(double t, ReadOnlySpan<double> y, Span<double> dy) => dy[0] = y[0] >= 0 ? -1 : 1;

        protected override void EvaluateJacobian(double t, ReadOnlySpan<double> y, Span<double> jacobian) =>
            jacobian[0] = 0;
    }

    /// <summary>A Jacobian full of NaN: <c>I − hγJ</c> is singular at every step size.</summary>
    private sealed class BrokenJacobian : StiffTestSystem
    {
        public override string Name => "Broken";

        public override IReadOnlyList<string> StateNames => ["y"];

        public override void GetInitialState(ReadOnlySpan<double> parameters, Span<double> state) => state[0] = 1;

        protected override void Evaluate(double t, ReadOnlySpan<double> y, Span<double> dy) => dy[0] = -y[0];

        protected override void EvaluateJacobian(double t, ReadOnlySpan<double> y, Span<double> jacobian) =>
            jacobian[0] = double.NaN;
    }

    [Theory]
    [InlineData("rodas4")]
    [InlineData("bdf")]
    public void A_blow_up_ends_in_step_size_underflow_near_the_singularity(string method)
    {
        var solution = Integrator.Solve(new BlowUp(), new SolveOptions { Method = method, T1 = 2 });
        Assert.Contains(solution.Status, new[] { SolveStatus.StepSizeUnderflow, SolveStatus.NonFiniteState });
        Assert.Matches(@"at t=(0\.99|1\b|1\.0)", solution.Message);
    }

    [Fact]
    public void Newton_failure_is_reported_as_such()
    {
        var solution = Integrator.Solve(new Relay(), new SolveOptions { Method = "implicit-euler", T1 = 2, Dt = 0.1, Atol = 1e-200 });
        Assert.True(solution.Status == SolveStatus.ConvergenceFailure, solution.Message);
        Assert.StartsWith("Newton iterations failed to converge at t=", solution.Message);
    }

    [Theory]
    [InlineData("rodas4")]
    [InlineData("trbdf2")]
    public void A_singular_Newton_matrix_is_reported(string method)
    {
        var solution = Integrator.Solve(new BrokenJacobian(), new SolveOptions { Method = method });
        Assert.Equal(SolveStatus.ConvergenceFailure, solution.Status);
        Assert.Contains("singular", solution.Message);
    }

    [Fact]
    public void Failures_throw_when_asked()
    {
        var exception = Assert.Throws<SolveException>(() => Integrator.Solve(new Relay(),
            new SolveOptions { Method = "implicit-euler", T1 = 2, Dt = 0.1, Atol = 1e-200, ThrowOnFailure = true }));
        Assert.Equal(SolveStatus.ConvergenceFailure, exception.Status);
    }

    [Fact]
    public void Invalid_combinations_are_explained()
    {
        var bdfWithDt = Integrator.Solve(new RobertsonSystem(), new SolveOptions { Method = "bdf", Dt = 0.1 });
        Assert.Equal(SolveStatus.InvalidOptions, bdfWithDt.Status);
        Assert.Contains("remove Dt", bdfWithDt.Message);

        var euler = Integrator.Solve(new RobertsonSystem(), new SolveOptions { Method = "implicit-euler" });
        Assert.Contains("set Dt", euler.Message);

        var floats = Integrator.Solve<float>(new RobertsonSystem(), [1f, 0, 0], [], new SolveOptions { Method = "rodas4" });
        Assert.Equal(SolveStatus.InvalidOptions, floats.Status);
        Assert.Contains("double precision", floats.Message);

        using var states = TorchSharp.torch.zeros(1, 3, TorchSharp.torch.float64);
        using var parameters = TorchSharp.torch.zeros(0, TorchSharp.torch.float64);
        using var tensors = Integrator.Solve(new RobertsonSystem(), states, parameters, new SolveOptions { Method = "bdf" });
        Assert.Equal(SolveStatus.InvalidOptions, tensors.Status);
        Assert.Contains("CPU span backend", tensors.Message);

        var unknown = Integrator.Solve(new RobertsonSystem(), new SolveOptions { Method = "radau" });
        Assert.Contains("rodas4", unknown.Message);
    }

    [Fact]
    public void A_batch_shares_steps_and_matches_solo_solves()
    {
        var system = new OregonatorSystem();
        var options = new SolveOptions { Method = "bdf", T1 = 50, Rtol = 1e-8, Atol = 1e-10, SaveAt = [10.0, 50.0] };
        double[] first = [1, 2, 3];
        double[] second = [2, 1, 30];
        var batch = Integrator.Solve<double>(system, [.. first, .. second], [], options);
        Assert.True(batch.Succeeded, batch.Message);
        foreach (var (start, trajectory) in new[] { (first, 0), (second, 1) })
        {
            var solo = Integrator.Solve<double>(system, start, [], options);
            for (var save = 0; save < 2; save++)
                for (var i = 0; i < 3; i++)
                {
                    var expected = solo.State(save)[i];
                    Assert.True(Math.Abs(batch.State(save, trajectory)[i] - expected) <= 1e-5 * Math.Abs(expected),
                        $"trajectory {trajectory}, save {save}, component {i}");
                }
        }
    }
}
