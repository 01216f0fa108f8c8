using OdeDsl.Runtime.Fitting;
using OdeDsl.Runtime.Gradients;
using OdeDsl.Runtime.Solvers;
using Xunit.Abstractions;

namespace OdeDsl.Runtime.Tests.Fitting;

/// <summary>
/// The neural ODE of torchdiffeq's ode_demo (Models/spiral_fit.ode, a 2-50-2 tanh MLP on z^3) trained on the cubic
/// spiral (Models/spiral_truth.ode, 1000 points on [0, 25]) from minibatches of 20 windows of 10 steps that start at
/// the data (Adam, lr 0.003, 1500 iterations, seed 1). The threshold: the mean squared error of the whole 25-unit
/// rollout from z0 must be below a tenth of the data's variance (0.39), i.e. the learned model explains over 90 % of
/// the spiral's variation over all its turns, not only the short windows it was trained on. Measured: 0.0119
/// (untrained: 20.9).
/// </summary>
public sealed class SpiralNeuralOdeTests(ITestOutputHelper output)
{
    [Fact]
    public void Minibatch_training_brings_the_full_trajectory_loss_below_a_tenth_of_the_data_variance()
    {
        var truth = new SpiralTruth();
        var data = SyntheticData.Table(truth, [], SyntheticData.Times(25, 1000));
        var model = new SpiralFit();
        var options = new FitOptions
        {
            Solve = new SolveOptions { Rtol = 1e-6, Atol = 1e-8 },
            Trainable = [.. model.ParameterNames.Select(name => new TrainableParameter(name))],
            Optimizer = FitOptimizer.Adam,
            LearningRate = 0.003,
            Iterations = 1500,
            Windows = 20,
            WindowLength = 10,
            Gradient = GradientMethod.Discrete,
            Seed = 1,
        };
        var untrained = Fitter.Fit(model, data, options with { Iterations = 0 });
        var trained = Fitter.Fit(model, data, options);
        var values = data.Trajectories[0].Values;
        var variance = Enumerable.Range(0, 2).Average(j =>
        {
            var column = Enumerable.Range(0, values.Count / 2).Select(i => values[2 * i + j]).ToArray();
            return column.Average(v => (v - column.Average()) * (v - column.Average()));
        });
        output.WriteLine($"data variance {variance:G4}; full-trajectory loss: untrained {untrained.Loss:G6}, after {trained.History.Count} iterations {trained.Loss:G6}; " +
                         $"minibatch loss {trained.History[0].Loss:G4} → {trained.History[^1].Loss:G4}; {trained.History.Sum(h => h.Duration.TotalSeconds):F1} s");
        Assert.True(trained.Succeeded, trained.Message);
        Assert.True(trained.Loss < variance / 10, $"loss {trained.Loss} is not below a tenth of the variance {variance}");
        Assert.True(trained.Loss < untrained.Loss / 100);
    }
}
