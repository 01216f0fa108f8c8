using OdeDsl.Runtime.Solvers;
using OdeDsl.Runtime.Tests.Systems;
using static TorchSharp.torch;

namespace OdeDsl.Runtime.Tests.Solvers;

/// <summary>The tensor backend runs the same loop as the span backend: same steps, same answers.</summary>
public sealed class TensorBackendTests
{
    private static readonly double[] LotkaVolterraParameters = [1.5, 1, 3, 1];

    [Theory]
    [InlineData("dopri5", null)]
    [InlineData("tsit5", null)]
    [InlineData("dop853", null)]
    [InlineData("bosh3", null)]
    [InlineData("rk4", 0.01)]
    public void Float64_tensor_solve_matches_the_span_solve(string method, double? dt)
    {
        var system = LotkaVolterra.Create();
        double[] initial = [1, 1, 0.5, 2, 2, 0.7];
        var saveAt = Enumerable.Range(0, 31).Select(k => k * 0.5).ToArray();
        var options = new SolveOptions { Method = method, T1 = 15, SaveAt = saveAt, Rtol = 1e-8, Atol = 1e-8, Dt = dt };

        var span = Integrator.Solve<double>(system, initial, LotkaVolterraParameters, options);
        using var states = tensor(initial, [3, 2], ScalarType.Float64);
        using var parameters = tensor(LotkaVolterraParameters, ScalarType.Float64);
        using var solution = Integrator.Solve(system, states, parameters, options);

        Assert.True(span.Succeeded, span.Message);
        Assert.True(solution.Succeeded, solution.Message);
        Assert.Equal(span.Stats, solution.Stats);
        Assert.Equal([31, 3, 2], solution.States!.shape);
        var tensorValues = solution.States.data<double>().ToArray();
        // Same steps, same formulas; only the rounding of torch's (possibly fused multiply–add) kernels differs,
        // so the two agree to 1e-12 relative to the size of the state (populations here reach about 7).
        for (var i = 0; i < tensorValues.Length; i++)
            Assert.True(Math.Abs(tensorValues[i] - span.States[i]) <= 1e-12 * Math.Max(1, Math.Abs(span.States[i])),
                $"entry {i}: tensor {tensorValues[i]:R} vs span {span.States[i]:R}");
    }

    [Theory]
    [InlineData("dopri5")]
    [InlineData("dop853")]
    public void Wide_batches_agree_too(string method)
    {
        // 100 trajectories: the span backend takes its SIMD error norm from 64 entries on.
        var system = LotkaVolterra.Create();
        var initial = Enumerable.Range(0, 200).Select(k => k % 2 == 0 ? 0.5 + k / 200.0 : 1.0).ToArray();
        var options = new SolveOptions { Method = method, T1 = 10, SaveAt = [0, 2.5, 5, 7.5, 10], Rtol = 1e-9, Atol = 1e-9 };

        var span = Integrator.Solve<double>(system, initial, LotkaVolterraParameters, options);
        using var states = tensor(initial, [100, 2], ScalarType.Float64);
        using var parameters = tensor(LotkaVolterraParameters, ScalarType.Float64);
        using var solution = Integrator.Solve(system, states, parameters, options);

        Assert.True(span.Succeeded, span.Message);
        Assert.Equal(span.Stats, solution.Stats);
        var tensorValues = solution.States!.data<double>().ToArray();
        for (var i = 0; i < tensorValues.Length; i++)
            Assert.True(Math.Abs(tensorValues[i] - span.States[i]) <= 1e-12 * Math.Max(1, Math.Abs(span.States[i])),
                $"entry {i}: tensor {tensorValues[i]:R} vs span {span.States[i]:R}");
    }

    [Fact]
    public void Float32_wide_batch_meets_its_tolerance()
    {
        // 40 oscillators x'' = −4x with amplitudes 0.5 … 2.45: x(t) = x0·cos(2t).
        var system = LinearSystem.HarmonicOscillator(omega: 2, x0: 1, v0: 0);
        var initial = Enumerable.Range(0, 40).SelectMany(b => new[] { 0.5f + 0.05f * b, 0f }).ToArray();
        var saveAt = Enumerable.Range(0, 11).Select(k => k * 0.5).ToArray();

        var solution = Integrator.Solve<float>(system, initial, [0f, 1f, -4f, 0f],
            new SolveOptions { T1 = 5, SaveAt = saveAt, Rtol = 1e-5f, Atol = 1e-5f });

        Assert.True(solution.Succeeded, solution.Message);
        for (var b = 0; b < 40; b++)
            for (var k = 0; k < saveAt.Length; k++)
                Assert.Equal(initial[2 * b] * Math.Cos(2 * saveAt[k]), solution.State(k, b)[0], 5e-4);
    }

    [Fact]
    public void Float32_works_on_both_backends()
    {
        var system = LinearSystem.HarmonicOscillator(omega: 2, x0: 1, v0: 0);
        var saveAt = Enumerable.Range(0, 11).Select(k => k * 0.5).ToArray();
        var options = new SolveOptions { T1 = 5, SaveAt = saveAt, Rtol = 1e-5f, Atol = 1e-5f };

        var span = Integrator.Solve<float>(system, [1f, 0f], [0f, 1f, -4f, 0f], options);
        using var states = tensor(new float[] { 1, 0 }, [1, 2]);
        using var parameters = tensor(new float[] { 0, 1, -4, 0 });
        using var solution = Integrator.Solve(system, states, parameters, options);

        Assert.True(span.Succeeded, span.Message);
        Assert.True(solution.Succeeded, solution.Message);
        Assert.Equal(ScalarType.Float32, solution.States!.dtype);
        var tensorValues = solution.States.data<float>().ToArray();
        for (var k = 0; k < saveAt.Length; k++)
        {
            var expected = Math.Cos(2 * saveAt[k]);
            Assert.Equal(expected, span.State(k)[0], 2e-4);
            Assert.Equal(expected, tensorValues[2 * k], 2e-4);
        }
    }

    [Fact]
    public void Float32_refuses_a_tolerance_finer_than_its_precision()
    {
        var system = LinearSystem.ExponentialDecay(1, 1);
        var options = new SolveOptions { Rtol = 1e-8, Atol = 1e-8 };

        var span = Integrator.Solve<float>(system, [1f], [-1f], options);
        using var states = tensor(new float[] { 1 }, [1, 1]);
        using var parameters = tensor(new float[] { -1 });
        using var solution = Integrator.Solve(system, states, parameters, options);

        const string message = "Rtol=1E-08 is finer than the arithmetic resolves (at least 4.76837E-07 is needed); " +
            "loosen it, or solve in double precision";
        Assert.Equal(message, span.Message);
        Assert.Equal(message, solution.Message);
        Assert.True(Integrator.Solve<double>(system, [1.0], [-1.0], options).Succeeded);
    }

    [Theory]
    [InlineData("dopri5")]
    [InlineData("dop853")]
    public void Both_backends_recover_from_stages_that_leave_the_domain(string method)
    {
        // The first step of 8 overshoots x < 0 where f is NaN; after rejections the solve must go on
        // as if nothing happened: a stale NaN in an unused stage must not poison later steps.
        var system = new GuardedDecaySystem();
        var options = new SolveOptions { Method = method, T1 = 8, FirstStep = 8, SaveAt = [0, 2, 4, 8], Rtol = 1e-8, Atol = 1e-10 };

        var span = Integrator.Solve<double>(system, [1.0], [], options);
        using var states = tensor(new double[] { 1 }, [1, 1], ScalarType.Float64);
        using var parameters = zeros(0, ScalarType.Float64);
        using var solution = Integrator.Solve(system, states, parameters, options);

        Assert.True(span.Succeeded, span.Message);
        Assert.True(solution.Succeeded, solution.Message);
        Assert.True(span.Stats.RejectedSteps > 0, $"{span.Stats} {span.State(3)[0]}");
        Assert.Equal(span.Stats, solution.Stats);
        var values = solution.States!.data<double>().ToArray();
        double[] times = [0, 2, 4, 8];
        for (var k = 0; k < times.Length; k++)
        {
            Assert.Equal(Math.Exp(-times[k]), span.State(k)[0], 1e-7);
            Assert.Equal(span.State(k)[0], values[k], 1e-12);
        }
    }

    [Fact]
    public void Tensor_failures_carry_the_same_messages()
    {
        var system = new RateDecaySystem();
        using var states = tensor(new double[] { 1, 1, 1, double.NaN }, [2, 2], ScalarType.Float64);
        using var parameters = zeros(0, ScalarType.Float64);
        using var solution = Integrator.Solve(system, states, parameters, new SolveOptions { T1 = 1 });
        using var wrongShape = tensor(new double[] { 1, 1, 1 }, [1, 3], ScalarType.Float64);
        using var invalid = Integrator.Solve(system, wrongShape, parameters, new SolveOptions { T1 = 1 });

        Assert.Equal(SolveStatus.NonFiniteState, solution.Status);
        Assert.StartsWith("non-finite state at t=0: state 'k' (index 1) of trajectory 1 became NaN or infinite", solution.Message);
        Assert.Equal(SolveStatus.InvalidOptions, invalid.Status);
        Assert.Equal("the initial states must be a [B, 2] tensor with B ≥ 1, but have shape [1, 3]", invalid.Message);
    }

    [Fact]
    public void Tensor_dense_output_matches_the_analytic_solution()
    {
        var system = new LinearSystem(new double[,] { { -0.5, 2 }, { -1.5, -0.1 } }, [1, -1]);
        double[] saveAt = [0, 0.37, 1.41, 2.72, 3.14, 4];
        using var states = tensor(new double[] { 1, -1 }, [1, 2], ScalarType.Float64);
        using var parameters = tensor(system.Parameters, ScalarType.Float64);
        using var solution = Integrator.Solve(system, states, parameters,
            new SolveOptions { Method = "dop853", T1 = 4, SaveAt = saveAt, Rtol = 1e-10, Atol = 1e-10 });

        Assert.True(solution.Succeeded, solution.Message);
        var values = solution.States!.data<double>().ToArray();
        for (var k = 0; k < saveAt.Length; k++)
        {
            var expected = Analytic.MatrixExponential(new double[,] { { -0.5, 2 }, { -1.5, -0.1 } }, saveAt[k], [1, -1]);
            Assert.Equal(expected[0], values[2 * k], 1e-8);
            Assert.Equal(expected[1], values[2 * k + 1], 1e-8);
        }
    }
}
