using OdeDsl.Examples;
using OdeDsl.Runtime.Fitting;
using OdeDsl.Runtime.Gradients;
using OdeDsl.Runtime.Solvers;
using Xunit.Abstractions;

namespace OdeDsl.Runtime.Tests.Fitting;

/// <summary>
/// Stiff fits of Robertson's three rate constants, solved by rodas4 and differentiated by the checkpointed adjoint
/// with rodas4 backwards. Noise-free (Models/fit_robertson.ode): synthetic data at 20 times up to t = 40, starting
/// 20–30 % away; their exact minimum is the truth, so L-BFGS must recover it to 1e-4 relative. Noisy: the example's fit.
/// </summary>
public sealed class StiffRecoveryTests(ITestOutputHelper output)
{
    private static readonly (string, double)[] Truth = [("k1", 0.04), ("k2", 1e4), ("k3", 3e7)];

    [Fact]
    public void Robertson_noise_free_recovers_its_rate_constants_to_1e_4()
    {
        var system = new FitRobertson();
        var data = SyntheticData.Table(system, SyntheticData.Parameters(system, Truth), SyntheticData.Times(40, 20));
        var result = Fitter.Fit(system, data, new FitOptions
        {
            Solve = new SolveOptions { Method = "rodas4", Rtol = 1e-9, Atol = 1e-14 },
            Gradient = GradientMethod.Checkpoint,
            Trainable = [.. Truth.Select(t => new TrainableParameter(t.Item1, FitConstraint.Positive))],
            StartParameters = SyntheticData.Parameters(system, ("k1", 0.05), ("k2", 8e3), ("k3", 3.9e7)),
            Optimizer = FitOptimizer.Lbfgs,
            Iterations = 25,
            LearningRate = 0.1,
        });
        output.WriteLine($"{result.Message}; loss {result.Loss:G6}");
        foreach (var (name, value) in Truth)
        {
            var error = Math.Abs(result[name] - value) / value;
            output.WriteLine($"{name} = {result[name]:R} (true {value}, relative error {error:E2})");
            Assert.True(error < 1e-4, $"{name} = {result[name]}, true {value}: relative error {error:E2}");
        }
        Assert.True(result.Succeeded, result.Message);
    }

    /// <summary>
    /// The fit examples/Robertson shows: 5 % lognormal noise on all three species at 41 log-spaced times to 1e5, the
    /// solver from the model's <c>@ meth=rodas4</c>, start values 2.5–3× off. Noisy data move the optimum away from the
    /// truth by about one standard error of the estimate (Gauss–Newton, from finite-difference sensitivities), so each
    /// fitted log k must lie within 3 of them (the example's seed gives 0.1, 0.8, 0.5), and each standard error must
    /// be below the 5 % noise of one measurement. At the optimum the mean squared log residual estimates the noise
    /// variance 0.0025; with 123 values its spread is √(2/123) ≈ 13 %, so it must lie within 40 % of it.
    /// </summary>
    [Fact]
    public void Robertson_noisy_fit_lands_within_three_standard_errors_of_the_truth()
    {
        var system = new Robertson();
        var result = Fitter.Fit(system, RobertsonExperiment.Observations(system),
            RobertsonExperiment.FitOptions(RobertsonExperiment.SolveFrom(Robertson.Options)));
        Assert.True(result.Succeeded, result.Message);
        var errors = RobertsonExperiment.StandardErrors(system, result.Parameters);
        for (var j = 0; j < RobertsonExperiment.Truth.Length; j++)
        {
            var (name, value) = RobertsonExperiment.Truth[j];
            var deviation = Math.Log(result[name] / value) / errors[j];
            output.WriteLine($"{name} = {result[name]:R} (true {value}): {deviation:F2} standard errors of {errors[j]:E2}");
            Assert.True(Math.Abs(deviation) <= 3, $"{name} = {result[name]} is {deviation:F2} standard errors from {value}");
            Assert.True(errors[j] < RobertsonExperiment.Noise, $"{name}'s standard error {errors[j]:E2} is not below the noise");
        }
        var variance = RobertsonExperiment.Noise * RobertsonExperiment.Noise;
        output.WriteLine($"loss {result.Loss:G6} against the noise variance {variance}");
        Assert.InRange(result.Loss, 0.6 * variance, 1.4 * variance);
    }
}
