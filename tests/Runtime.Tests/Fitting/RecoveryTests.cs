using OdeDsl.Runtime.Fitting;
using OdeDsl.Runtime.Solvers;
using OdeDsl.Runtime.Systems;
using Xunit.Abstractions;

namespace OdeDsl.Runtime.Tests.Fitting;

/// <summary>
/// Fits to synthetic data made at known parameters (Models/fit_*.ode), starting 10–25 % away. Noise-free data have
/// their exact minimum at the truth, so L-BFGS must recover it to 1e-4 relative. With 5 % multiplicative noise on
/// 60–80 values the standard error of each parameter is a few per cent, so the stated tolerance is 10 %.
/// </summary>
public sealed class RecoveryTests(ITestOutputHelper output)
{
    private static readonly SolveOptions Tight = new() { Method = "dop853", Rtol = 1e-10, Atol = 1e-10 };

    private static readonly TrainableParameter[] LotkaVolterraTrainable =
        [.. new[] { "alpha", "beta", "delta", "gamma", "x(0)" }.Select(name => new TrainableParameter(name, FitConstraint.Positive))];

    private static readonly (string, double)[] LotkaVolterraTruth = [("alpha", 1.1), ("beta", 0.4), ("delta", 0.1), ("gamma", 0.4), ("x(0)", 10)];
    private static readonly (string, double)[] LotkaVolterraStart = [("alpha", 0.9), ("beta", 0.5), ("delta", 0.12), ("gamma", 0.35), ("x(0)", 8)];

    [Fact]
    public void Lotka_Volterra_noise_free_recovers_rates_and_initial_prey_to_1e_4()
    {
        var system = new FitLotkaVolterra();
        var result = FitLotkaVolterra(system, noise: 0, shooting: 1);
        AssertRecovered(result, LotkaVolterraTruth, 1e-4);
    }

    [Fact]
    public void Lotka_Volterra_with_5_percent_noise_recovers_within_10_percent()
    {
        var system = new FitLotkaVolterra();
        var result = FitLotkaVolterra(system, noise: 0.05, shooting: 1);
        AssertRecovered(result, LotkaVolterraTruth, 0.10);
    }

    [Fact]
    public void Lotka_Volterra_by_multiple_shooting_recovers_to_1e_4()
    {
        var system = new FitLotkaVolterra();
        var result = FitLotkaVolterra(system, noise: 0, shooting: 3);
        AssertRecovered(result, LotkaVolterraTruth, 1e-4);
    }

    [Fact]
    public void Pendulum_noise_free_recovers_damping_and_length_to_1e_4()
    {
        var result = FitPendulum(noise: 0);
        AssertRecovered(result, [("damping", 0.3), ("length", 1.2)], 1e-4);
    }

    [Fact]
    public void Lbfgs_stops_when_no_step_lowers_the_loss_instead_of_searching_at_round_off()
    {
        var result = FitLotkaVolterra(new FitLotkaVolterra(), noise: 0.05, shooting: 1, iterations: 1000);
        output.WriteLine($"{result.Message}; loss {result.Loss:G17}");
        Assert.True(result.Succeeded, result.Message);
        Assert.StartsWith("converged", result.Message);
        Assert.True(result.History.Count < 200, $"{result.History.Count} iterations");
        // Every accepted step lowered the loss.
        for (var i = 1; i < result.History.Count; i++)
            Assert.True(result.History[i].Loss < result.History[i - 1].Loss, $"iteration {i + 1} did not lower the loss");
    }

    [Fact]
    public void Pendulum_with_5_percent_noise_recovers_within_10_percent()
    {
        var result = FitPendulum(noise: 0.05);
        AssertRecovered(result, [("damping", 0.3), ("length", 1.2)], 0.10);
    }

    [Fact]
    public void Vector_model_recovers_its_matrix_to_1e_4()
    {
        var system = new FitVector();
        (string, double)[] truth = [("A[0,0]", -0.1), ("A[0,1]", 2.0), ("A[1,0]", -2.0), ("A[1,1]", -0.1)];
        var data = SyntheticData.Table(system, SyntheticData.Parameters(system, truth), SyntheticData.Times(6, 60));
        var result = Fitter.Fit(system, data, new FitOptions
        {
            Solve = Tight,
            Trainable = [.. truth.Select(t => new TrainableParameter(t.Item1))],
            StartParameters = SyntheticData.Parameters(system, ("A[0,0]", -0.2), ("A[0,1]", 1.8), ("A[1,0]", -1.8), ("A[1,1]", 0)),
            Optimizer = FitOptimizer.Lbfgs,
            Iterations = 100,
            LearningRate = 0.1,
        });
        AssertRecovered(result, truth, 1e-4);
    }

    private static FitResult FitLotkaVolterra(FitLotkaVolterra system, double noise, int shooting, int iterations = 150)
    {
        var data = SyntheticData.Table(system, SyntheticData.Parameters(system, LotkaVolterraTruth), SyntheticData.Times(15, 40), noise);
        return Fitter.Fit(system, data, new FitOptions
        {
            Solve = Tight,
            Trainable = LotkaVolterraTrainable,
            StartParameters = SyntheticData.Parameters(system, LotkaVolterraStart),
            Optimizer = FitOptimizer.Lbfgs,
            Iterations = iterations,
            LearningRate = 0.1,
            ShootingSegments = shooting,
        });
    }

    private static FitResult FitPendulum(double noise)
    {
        var system = new FitPendulum();
        var data = SyntheticData.Table(system, SyntheticData.Parameters(system, ("damping", 0.3), ("length", 1.2)), SyntheticData.Times(8, 80), noise);
        return Fitter.Fit(system, data, new FitOptions
        {
            Solve = Tight,
            Trainable = [new TrainableParameter("damping", FitConstraint.Positive), new TrainableParameter("length", FitConstraint.Interval(0.1, 10))],
            StartParameters = SyntheticData.Parameters(system, ("damping", 0.25), ("length", 1.0)),
            Optimizer = FitOptimizer.Lbfgs,
            Iterations = 100,
            LearningRate = 0.1,
        });
    }

    private void AssertRecovered(FitResult result, (string Name, double Value)[] truth, double tolerance)
    {
        output.WriteLine($"{result.Message}; loss {result.Loss:G6}");
        foreach (var (name, value) in truth)
        {
            var error = Math.Abs(result[name] - value) / Math.Abs(value);
            output.WriteLine($"{name} = {result[name]:R} (true {value}, relative error {error:E2})");
            Assert.True(error < tolerance, $"{name} = {result[name]}, true {value}: relative error {error:E2} ≥ {tolerance}");
        }
        Assert.True(result.Succeeded, result.Message);
    }
}
