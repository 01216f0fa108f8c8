using OdeDsl.Runtime.Fitting;
using OdeDsl.Runtime.Gradients;
using OdeDsl.Runtime.Solvers;
using Xunit.Abstractions;

namespace OdeDsl.Runtime.Tests.Fitting;

/// <summary>
/// A stiff fit (Models/fit_robertson.ode): Robertson's three rate constants from synthetic data at 20 times up to
/// t = 40, starting 20–30 % away, solved by rodas4 and differentiated by the checkpointed adjoint with rodas4
/// backwards. Noise-free data have their exact minimum at the truth, so L-BFGS must recover it to 1e-4 relative.
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
}
