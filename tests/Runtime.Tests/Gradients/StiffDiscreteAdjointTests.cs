using OdeDsl.Runtime.Gradients;
using OdeDsl.Runtime.Solvers;
using OdeDsl.Runtime.Systems;
using TorchSharp;
using Xunit.Abstractions;

namespace OdeDsl.Runtime.Tests.Gradients;

/// <summary>
/// The discrete adjoint through the implicit stages of trbdf2 and implicit Euler, against central differences of the
/// same solver with the same fixed step. In the fixed-step tests rtol = atol = 1e-10 only sets the Newton tolerance
/// (fixed steps take no error control), so the stages converge to about 1e-15 and the solver's output is smooth enough
/// to difference; the adaptive test states its own tolerances.
/// </summary>
public sealed class StiffDiscreteAdjointTests(ITestOutputHelper output)
{
    private static readonly int[] AllParameters = [0, 1, 2];

    [Theory]
    [InlineData("trbdf2")]
    [InlineData("implicit-euler")]
    public void Lotka_Volterra_gradients_are_the_derivative_of_the_fixed_step_solver(string solver) =>
        // As in LotkaVolterraGradientTests: 0.0703 puts no step end on a save time and leaves a last step of 0.026.
        output.WriteLine(GradientCase.FromDefaults(new PredatorPrey(), t1: 15, saves: 150,
                target: i => 5 + 3 * Math.Sin(0.37 * i))
            .CheckDiscrete(solver, 0.0703, [0, 1, 2, 3], tolerance: 1e-10, bound: 1e-6));

    /// <summary>
    /// Robertson's log rate constants over [0, 4] from y = (1, 0, 0), with fixed steps of 1e-4: small enough that
    /// the simplified Newton iterations meet the tight tolerance in every step from the start, through the fast
    /// transient (time scale 5e-4), so no step is cut. Parameters only: a finite difference of y2(0) = 0 would leave
    /// the small region where the quadratic y2 terms are near-linear.
    /// </summary>
    [Theory]
    [InlineData("trbdf2")]
    [InlineData("implicit-euler")]
    public void Robertson_log_rate_gradients_are_the_derivative_of_the_fixed_step_solver(string solver)
    {
        var robertson = Robertson(4, [0.04, 0.4, 4]);
        var options = robertson.Options(GradientMethod.Discrete, solver, 1e-10, dt: 1e-4);
        var result = robertson.Gradient(options);
        Assert.True(result.Succeeded, result.Message);
        Assert.Equal(result.Stats.ForwardSteps, result.Stats.BackwardSteps); // no step was cut by a Newton failure
        AssertParameters(result, robertson, options.Solve, 1e-6, solver);
    }

    /// <summary>
    /// Adaptive trbdf2 over [0, 100] reaches steps with hλ ≈ 1e4, where the transposed solve with I − hγJ carries the
    /// whole stage cotangent. Its discrete gradient is not the continuous one, but within trbdf2's own error at
    /// rtol = 1e-8 of it (measured: 1e-7 relative), against central differences of rodas4 at rtol = 1e-12; the bound
    /// leaves a factor 100. Without the transposed solve the error would be of order one.
    /// </summary>
    [Fact]
    public void Adaptive_trbdf2_gradients_of_Robertson_approach_the_continuous_ones()
    {
        var robertson = Robertson(100, [0.4, 4, 40, 100]);
        var plain = robertson.Options(GradientMethod.Discrete, "trbdf2", 1e-8);
        var options = plain with { Solve = plain.Solve with { Atol = 1e-14 } };
        var result = robertson.Gradient(options);
        Assert.True(result.Succeeded, result.Message);
        var reference = new SolveOptions { Method = "rodas4", Rtol = 1e-12, Atol = 1e-16 };
        AssertParameters(result, robertson, reference, 1e-5, "trbdf2 (adaptive)");
    }

    private static GradientCase Robertson(double t1, double[] saveAt) =>
        new(new LogRobertsonSystem(), [1, 0, 0], LogRobertsonSystem.TrueParameters, 0, t1, saveAt,
            i => 0.1 * (i % 3) + 0.05);

    private void AssertParameters(GradientResult result, GradientCase robertson, SolveOptions reference, double bound,
        string solver)
    {
        for (var j = 0; j < AllParameters.Length; j++)
        {
            var expected = Central(j, parameters =>
                robertson.Loss(robertson.InitialStates, parameters, robertson.T0, robertson.T1, reference));
            var relative = Math.Abs(result.Parameters[j] - expected) / Math.Abs(expected);
            output.WriteLine($"{solver} dL/dθ{j}: {result.Parameters[j]:R} vs {expected:R}, relative error {relative:E2}");
            Assert.True(relative <= bound, $"dL/dθ{j}: {result.Parameters[j]} vs {expected} ({relative:E2})");
        }
        output.WriteLine(result.Stats.ToString());
    }

    [Theory]
    [InlineData("rodas4")]
    [InlineData("bdf")]
    [InlineData("auto")]
    public void Rosenbrock_and_multistep_methods_are_refused_with_what_works(string solver)
    {
        var options = new GradientOptions
        {
            Solve = new SolveOptions { Method = solver, T1 = 1, SaveAt = [1] },
            Method = GradientMethod.Discrete,
        };
        var result = Gradient.Compute(new LogRobertsonSystem(), [1, 0, 0], LogRobertsonSystem.TrueParameters, options,
            new SquaredErrorLoss([0, 0, 0]));
        Assert.Equal(SolveStatus.InvalidOptions, result.Status);
        Assert.Contains($"not {solver}", result.Message);
        Assert.Contains("trbdf2 and implicit-euler", result.Message);
        Assert.Contains("GradientMethod.Checkpoint", result.Message);
    }

    /// <summary>
    /// A system with a VJP but no Jacobian: the forward solve takes finite differences, but the exact stage adjoint
    /// needs the Jacobian, and says so instead of failing halfway.
    /// </summary>
    [Fact]
    public void A_system_without_a_Jacobian_is_refused_with_a_message()
    {
        var options = new GradientOptions
        {
            Solve = new SolveOptions { Method = "trbdf2", T1 = 1, SaveAt = [1] },
            Method = GradientMethod.Discrete,
        };
        var result = Gradient.Compute(new WithoutJacobian(new LogRobertsonSystem()), [1, 0, 0],
            LogRobertsonSystem.TrueParameters, options, new SquaredErrorLoss([0, 0, 0]));
        Assert.False(result.Succeeded);
        Assert.Contains("cannot be differentiated", result.Message);
        Assert.Contains("provides no Jacobian", result.Message);
    }

    /// <summary>Another system's double kernels, without its Jacobian (as a hand-written system might be).</summary>
    private sealed class WithoutJacobian(IOdeSystem inner) : IOdeSystem
    {
        public string Name => inner.Name;

        public IReadOnlyList<string> StateNames => inner.StateNames;

        public IReadOnlyList<string> ParameterNames => inner.ParameterNames;

        public void GetDefaultParameters(Span<double> parameters) => inner.GetDefaultParameters(parameters);

        public void GetInitialState(ReadOnlySpan<double> parameters, Span<double> state) =>
            inner.GetInitialState(parameters, state);

        public void Derivative(double t, ReadOnlySpan<double> states, ReadOnlySpan<double> parameters,
            Span<double> derivatives) => inner.Derivative(t, states, parameters, derivatives);

        public void Vjp(double t, ReadOnlySpan<double> states, ReadOnlySpan<double> parameters,
            ReadOnlySpan<double> cotangent, Span<double> stateCotangent, Span<double> parameterCotangent,
            Span<double> timeCotangent) =>
            inner.Vjp(t, states, parameters, cotangent, stateCotangent, parameterCotangent, timeCotangent);

        public void Derivative(float t, ReadOnlySpan<float> states, ReadOnlySpan<float> parameters,
            Span<float> derivatives) => throw new NotSupportedException("double only");

        public torch.Tensor Derivative(torch.Tensor t, torch.Tensor states, torch.Tensor parameters) =>
            throw new NotSupportedException("no tensor kernel");
    }

    /// <summary>The fourth-order central stencil with step 1e-4 in θ_j (a log rate constant).</summary>
    private static double Central(int j, Func<double[], double> loss)
    {
        const double step = 1e-4;
        double At(double offset)
        {
            var parameters = (double[])LogRobertsonSystem.TrueParameters.Clone();
            parameters[j] += offset;
            return loss(parameters);
        }
        return (-At(2 * step) + 8 * At(step) - 8 * At(-step) + At(-2 * step)) / (12 * step);
    }
}
