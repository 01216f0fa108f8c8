using OdeDsl.Runtime.Solvers;
using OdeDsl.Runtime.Tests.Systems;

namespace OdeDsl.Runtime.Tests.Solvers;

/// <summary>Every way a solve can fail ends in a status and a message that says what, where and when.</summary>
public sealed class SolveFailureTests
{
    private static readonly LinearSystem Decay = LinearSystem.ExponentialDecay(1, 1);

    [Fact]
    public void Blow_up_ends_in_step_size_underflow_near_the_singularity()
    {
        var solution = Integrator.Solve(new BlowUpSystem(), new SolveOptions { T1 = 2, Rtol = 1e-8, Atol = 1e-8 });

        Assert.Equal(SolveStatus.StepSizeUnderflow, solution.Status);
        var match = System.Text.RegularExpressions.Regex.Match(solution.Message,
            @"^step size underflow at t=([0-9.E+-]+): the step shrank to dt=[0-9.E+-]+, too small to advance t; ");
        Assert.True(match.Success, solution.Message);
        Assert.InRange(double.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), 1 - 1e-6, 1 + 1e-6);
        Assert.Equal(1, solution.SavedCount);
    }

    [Fact]
    public void Too_many_steps_ends_in_max_steps_exceeded()
    {
        var solution = Integrator.Solve(Decay, new SolveOptions { T1 = 100, MaxSteps = 10, Rtol = 1e-10, Atol = 1e-10 });

        Assert.Equal(SolveStatus.MaxStepsExceeded, solution.Status);
        Assert.StartsWith("maximum number of steps (10) exceeded at t=", solution.Message);
        Assert.EndsWith("before reaching t1=100; raise MaxSteps or loosen the tolerances", solution.Message);
        Assert.Equal(10, solution.Stats.AcceptedSteps + solution.Stats.RejectedSteps);
    }

    [Fact]
    public void Adaptive_solve_past_the_domain_edge_names_the_state_and_time()
    {
        var solution = Integrator.Solve(new DomainEdgeSystem(), new SolveOptions { T1 = 2 });

        Assert.Equal(SolveStatus.NonFiniteState, solution.Status);
        Assert.Matches(@"^non-finite state at t=(0\.9999\d*|1): state 'level' \(index 0\) became NaN or infinite", solution.Message);
    }

    [Fact]
    public void Fixed_step_solve_reports_the_first_non_finite_state()
    {
        var solution = Integrator.Solve(new DomainEdgeSystem(), new SolveOptions { Method = "rk4", T1 = 2, Dt = 0.25 });

        Assert.Equal(SolveStatus.NonFiniteState, solution.Status);
        Assert.StartsWith("non-finite state at t=1.25: state 'level' (index 0) became NaN or infinite", solution.Message);
    }

    [Fact]
    public void Non_finite_state_names_the_trajectory_in_a_batch()
    {
        // Trajectory 2 starts at +∞·0 = NaN once the rate multiplies it: x' = −k·x with k = NaN.
        var solution = Integrator.Solve<double>(new RateDecaySystem(), [1, 1, 1, 2, 1, double.NaN], [],
            new SolveOptions { T1 = 1 });

        Assert.Equal(SolveStatus.NonFiniteState, solution.Status);
        Assert.Equal("non-finite state at t=0: state 'k' (index 1) of trajectory 2 became NaN or infinite; " +
            "the right-hand side left its domain (division by zero, log or sqrt of a negative number, overflow)",
            solution.Message);
    }

    [Fact]
    public void Non_finite_derivative_at_the_start_is_reported_as_such()
    {
        var solution = Integrator.Solve(new DomainEdgeSystem(), new SolveOptions { T0 = 1.5, T1 = 2 });

        Assert.Equal(SolveStatus.NonFiniteState, solution.Status);
        Assert.StartsWith("non-finite derivative at t=1.5: d/dt of state 'level' (index 0) is NaN or infinite", solution.Message);
    }

    public static TheoryData<SolveOptions, string> InvalidOptions => new()
    {
        { new() { Rtol = 0 }, "Rtol must be positive and finite, but is 0" },
        { new() { Atol = -1e-6 }, "Atol must be positive and finite, but is -1E-06" },
        { new() { Atol = double.NaN }, "Atol must be positive and finite, but is NaN" },
        { new() { Rtol = new[] { 1e-6, 1e-6 } }, "Rtol has 2 entries, but the system needs 1" },
        { new() { Method = "rk45" }, "unknown method 'rk45'; valid methods are euler, midpoint, heun, rk4, bosh3, dopri5, tsit5, dop853 and the stiff rodas4, trbdf2, implicit-euler, bdf, auto." },
        { new() { Method = "rk4" }, "method 'rk4' takes fixed steps; set Dt (the step size)" },
        { new() { Dt = 0 }, "Dt must be positive and finite, but is 0" },
        { new() { FirstStep = -0.1 }, "FirstStep must be positive and finite, but is -0.1" },
        { new() { MaxStep = 0 }, "MaxStep must be positive and finite, but is 0" },
        { new() { MaxSteps = 0 }, "MaxSteps must be positive and finite, but is 0" },
        { new() { T1 = double.PositiveInfinity }, "T1 must be finite, but is Infinity" },
        { new() { T1 = 2, SaveAt = [0.5, 2.5] }, "SaveAt[1]=2.5 lies outside the interval [0, 2]" },
        { new() { T0 = 2, T1 = 0, SaveAt = [1, 3] }, "SaveAt[1]=3 lies outside the interval [0, 2]" },
        { new() { T1 = 2, SaveAt = [0.5, 0.5] }, "SaveAt must be strictly increasing in the direction of integration, but SaveAt[0]=0.5 and SaveAt[1]=0.5" },
        { new() { T0 = 2, T1 = 0, SaveAt = [0.5, 1] }, "SaveAt must be strictly decreasing in the direction of integration, but SaveAt[0]=0.5 and SaveAt[1]=1" },
    };

    [Theory]
    [MemberData(nameof(InvalidOptions))]
    public void Invalid_options_are_reported_before_any_work(SolveOptions options, string message)
    {
        var solution = Integrator.Solve(Decay, options);

        Assert.Equal(SolveStatus.InvalidOptions, solution.Status);
        Assert.Equal(message, solution.Message);
        Assert.Equal(0, solution.Stats.FunctionEvaluations);
    }

    [Fact]
    public void Wrong_batch_sizes_are_invalid()
    {
        var uneven = Integrator.Solve<double>(new RateDecaySystem(), [1, 1, 1], [], new SolveOptions());
        var empty = Integrator.Solve<double>(new RateDecaySystem(), [], [], new SolveOptions());
        var parameters = Integrator.Solve<double>(Decay, [1], [1, 2], new SolveOptions());

        Assert.Equal("the initial states have 3 values, which is not a multiple of the 2 states", uneven.Message);
        Assert.Equal("there are no trajectories to solve (the batch is empty)", empty.Message);
        Assert.Equal("the parameters has 2 entries, but the system needs 1", parameters.Message);
    }

    [Fact]
    public void Equal_start_and_end_times_return_the_initial_state()
    {
        var solution = Integrator.Solve(Decay, new SolveOptions { T0 = 3, T1 = 3 });

        Assert.True(solution.Succeeded, solution.Message);
        Assert.Equal([3.0], solution.Times);
        Assert.Equal(1.0, solution.State(0)[0]);
        Assert.Equal(0, solution.Stats.FunctionEvaluations);
    }

    [Fact]
    public void Throw_on_failure_turns_the_status_into_an_exception()
    {
        var exception = Assert.Throws<SolveException>(() =>
            Integrator.Solve(new BlowUpSystem(), new SolveOptions { T1 = 2, ThrowOnFailure = true }));
        var invalid = Assert.Throws<SolveException>(() =>
            Integrator.Solve(Decay, new SolveOptions { Rtol = -1, ThrowOnFailure = true }));

        Assert.Equal(SolveStatus.StepSizeUnderflow, exception.Status);
        Assert.StartsWith("step size underflow at t=", exception.Message);
        Assert.Equal(SolveStatus.InvalidOptions, invalid.Status);
        Assert.Equal("Rtol must be positive and finite, but is -1", invalid.Message);
    }

    [Fact]
    public void Unknown_method_names_list_the_valid_ones()
    {
        var exception = Assert.Throws<ArgumentException>(() => Methods.Get("rk45"));

        Assert.StartsWith("unknown method 'rk45'; valid methods are euler, midpoint, heun, rk4, bosh3, dopri5, tsit5, dop853 and the stiff rodas4, trbdf2, implicit-euler, bdf, auto.",
            exception.Message);
        Assert.Same(Methods.DormandPrince54, Methods.Get("DOPRI5"));
    }
}
