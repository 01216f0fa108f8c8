using OdeDsl.Runtime.Data;
using OdeDsl.Runtime.Fitting;
using OdeDsl.Runtime.Solvers;
using OdeDsl.Runtime.Systems;
using OdeDsl.Runtime.Tests.Systems;
using Xunit.Abstractions;

namespace OdeDsl.Runtime.Tests.Fitting;

/// <summary>
/// Noise scales estimated with θ: the objective <c>(1/N) Σ_j [Σ_i r_ij²/σ_j² + 2 N_j log σ_j]</c> and its gradient
/// against central differences; its minimum over σ at fixed θ, <c>σ_j² = mean_i r_ij²</c>, against residuals computed
/// here from the closed-form solution; and a joint fit to data with known, different noise per column.
/// </summary>
public sealed class NoiseScaleTests(ITestOutputHelper output)
{
    private const string Data = "t,y,w\n0.5,1.5,3\n1,,1\n2,0.5,0.7\n3,0.4,0.5\n";
    private static readonly SolveOptions Tight = new() { Rtol = 1e-12, Atol = 1e-12 };

    private static ObservationTable Table() =>
        ObservationCsv.Read(new StringReader(Data), "data.csv", new ObservationTableOptions { Observed = ["y", "w"] });

    private static FitObjective<ObservedDecaySystem> Objective(ObservedDecaySystem system, ObservationTable table,
        IReadOnlyList<TrainableParameter> trainable, bool estimateNoise, double[] start)
    {
        var options = new FitOptions { Solve = Tight, Trainable = trainable, EstimateNoise = estimateNoise };
        return new FitObjective<ObservedDecaySystem>(system, table, new ObservationLoss(system, table), options,
            new TrainableVector(system.ParameterNames, start, trainable), start);
    }

    /// <summary>Per column, the mean squared residual of the table at (k, z0), from the closed-form solution.</summary>
    private static (double Y, double W) MeanSquares(double k, double z0)
    {
        double Z(double t) => ObservedDecaySystem.Exact(k, z0, t);
        var y = (Math.Pow(Z(0.5) - 1.5, 2) + Math.Pow(Z(2) - 0.5, 2) + Math.Pow(Z(3) - 0.4, 2)) / 3;
        var w = (Math.Pow(Math.Log(2 * Z(0.5) / 3), 2) + Math.Pow(Math.Log(2 * Z(1)), 2)
                 + Math.Pow(Math.Log(2 * Z(2) / 0.7), 2) + Math.Pow(Math.Log(2 * Z(3) / 0.5), 2)) / 4;
        return (y, w);
    }

    [Fact]
    public void Gradient_in_parameters_and_log_noise_scales_matches_central_differences()
    {
        var system = new ObservedDecaySystem();
        TrainableParameter[] trainable = [new("k", FitConstraint.Positive), new("z0")];
        var objective = Objective(system, Table(), trainable, estimateNoise: true, [0.4, 2.2]);
        var u = objective.Start();
        // Away from the optimal σ, where ∂L/∂s is not zero.
        u[objective.NoiseOffset] += 0.3;
        u[objective.NoiseOffset + 1] -= 0.5;

        var (_, gradient) = objective.Evaluate(u, 0, out var failure)!.Value;

        Assert.Null(failure);
        Assert.Equal(4, u.Length);
        for (var k = 0; k < u.Length; k++)
        {
            var difference = ColumnWeightTests.CentralDifference(at => objective.Evaluate(at, 0, out _)!.Value.Loss, u, k);
            output.WriteLine($"u[{k}]: analytic {gradient[k]:R}, central difference {difference:R}");
            Assert.Equal(difference, gradient[k], 1e-7);
        }
    }

    [Fact]
    public void At_unit_noise_scales_the_objective_is_the_plain_loss()
    {
        var system = new ObservedDecaySystem();
        TrainableParameter[] trainable = [new("k", FitConstraint.Positive)];
        double[] start = [0.4, 2.2];
        var withNoise = Objective(system, Table(), trainable, estimateNoise: true, start);
        var plain = Objective(system, Table(), trainable, estimateNoise: false, start);
        var u = plain.Start();

        var noiseLoss = withNoise.Evaluate([.. u, 0, 0], 0, out _)!.Value.Loss;

        Assert.Equal(plain.Evaluate(u, 0, out _)!.Value.Loss, noiseLoss, 14);
    }

    [Fact]
    public void At_fixed_parameters_the_optimum_is_the_mean_squared_residual_per_column()
    {
        var system = new ObservedDecaySystem();
        var objective = Objective(system, Table(), [], estimateNoise: true, [0.4, 2.2]);
        var (y, w) = MeanSquares(0.4, 2.2);
        double[] optimum = [0.5 * Math.Log(y), 0.5 * Math.Log(w)];

        var (loss, gradient) = objective.Evaluate(optimum, 0, out _)!.Value;

        // The fit starts at the optimum for its starting θ.
        Assert.Equal(optimum[0], objective.Start()[0], 10);
        Assert.Equal(optimum[1], objective.Start()[1], 10);
        Assert.All(gradient, g => Assert.True(Math.Abs(g) < 1e-9, $"∂L/∂s = {g} at the optimum"));
        // L* = (1/N) Σ_j N_j (1 + log mean r_j²), with N_y = 3, N_w = 4.
        Assert.Equal((3 * (1 + Math.Log(y)) + 4 * (1 + Math.Log(w))) / 7, loss, 10);
        for (var j = 0; j < 2; j++)
        {
            foreach (var offset in new[] { -0.05, 0.05 })
            {
                var moved = (double[])optimum.Clone();
                moved[j] += offset;
                Assert.True(objective.Evaluate(moved, 0, out _)!.Value.Loss > loss, $"s_{j} {offset:+0.00;-0.00} does not raise the loss");
            }
        }
    }

    /// <summary>
    /// Lotka–Volterra with lognormal noise σ = 0.05 on the hares and 0.2 on the lynxes, 400 values each. The maximum-
    /// likelihood σ̂_j has standard error σ_j/√(2 N_j) ≈ 3.5 % of σ_j, so σ̂ must lie within 4 standard errors (14 %);
    /// against the noise actually drawn (its root mean square) the only gap is the p = 5 fitted parameters'
    /// share, below p/(2 N_j) ≈ 0.6 %, so that tolerance is 2 %. The parameters (errors of 1–2 % in this draw) get
    /// the recovery tests' 10 %. The joint optimum satisfies σ̂_j² = mean r_j² at θ̂.
    /// </summary>
    [Fact]
    public void Joint_fit_recovers_two_different_noise_scales_and_the_parameters()
    {
        var system = new FitLotkaVolterra();
        (string, double)[] truth = [("alpha", 1.1), ("beta", 0.4), ("delta", 0.1), ("gamma", 0.4), ("x(0)", 10)];
        double[] sigma = [0.05, 0.2];
        const int count = 400;
        var data = SyntheticData.TableWithNoiseScales(system, SyntheticData.Parameters(system, truth), SyntheticData.Times(15, count), sigma, seed: 3);
        var result = Fitter.Fit(system, data, new FitOptions
        {
            Solve = new SolveOptions { Method = "dop853", Rtol = 1e-10, Atol = 1e-10 },
            Trainable = [.. truth.Select(t => new TrainableParameter(t.Item1, FitConstraint.Positive))],
            StartParameters = SyntheticData.Parameters(system, ("alpha", 0.9), ("beta", 0.5), ("delta", 0.12), ("gamma", 0.35), ("x(0)", 8)),
            Optimizer = FitOptimizer.Lbfgs,
            Iterations = 120,
            LearningRate = 0.1,
            EstimateNoise = true,
        });

        output.WriteLine($"{result.Message}; loss {result.Loss:G8}");
        Assert.True(result.Succeeded, result.Message);
        foreach (var (name, value) in truth)
        {
            var error = Math.Abs(result[name] / value - 1);
            output.WriteLine($"{name} = {result[name]:R} (true {value}, relative error {error:E2})");
            Assert.True(error < 0.10, $"{name} = {result[name]}, true {value}");
        }
        var drawn = RootMeanSquareLogResiduals(system, data, SyntheticData.Parameters(system, truth));
        var fitted = RootMeanSquareLogResiduals(system, data, result.Parameters);
        string[] columns = ["hare", "lynx"];
        for (var j = 0; j < 2; j++)
        {
            var estimate = result.NoiseScales[columns[j]];
            output.WriteLine($"sigma({columns[j]}) = {estimate:R} (true {sigma[j]}, drawn noise rms {drawn[j]:R}, residual rms at the fit {fitted[j]:R})");
            Assert.True(Math.Abs(estimate / sigma[j] - 1) < 4 / Math.Sqrt(2 * count), $"σ̂ = {estimate}, true {sigma[j]}");
            Assert.True(Math.Abs(estimate / drawn[j] - 1) < 0.02, $"σ̂ = {estimate}, rms of the drawn noise {drawn[j]}");
            Assert.Equal(1, estimate / fitted[j], 1e-4);
        }
    }

    /// <summary>Per observed column (both lognormal), <c>√(mean (log y_model − log y_data)²)</c> at θ, from a fresh solve.</summary>
    private static double[] RootMeanSquareLogResiduals<TSystem>(TSystem system, ObservationTable data, double[] parameters)
        where TSystem : IOdeSystem, IOdeOutputs
    {
        var trajectory = data.Trajectories[0];
        var initial = new double[system.StateCount];
        system.GetInitialState(parameters, initial);
        var solution = Integrator.Solve<double>(system, initial, parameters, new SolveOptions
        {
            Method = "dop853", T1 = trajectory.Times[^1], SaveAt = trajectory.Times, Rtol = 1e-12, Atol = 1e-12, ThrowOnFailure = true,
        });
        var outputs = new double[system.OutputNames.Count];
        var sums = new double[data.Observed.Count];
        for (var i = 0; i < trajectory.Times.Count; i++)
        {
            system.Outputs(trajectory.Times[i], solution.State(i), parameters, outputs);
            for (var j = 0; j < sums.Length; j++)
                sums[j] += Math.Pow(Math.Log(outputs[system.OutputNames.ToList().IndexOf(data.Observed[j])] / trajectory.Value(i, j)), 2);
        }
        return [.. sums.Select(sum => Math.Sqrt(sum / trajectory.Times.Count))];
    }

    [Fact]
    public void A_starting_model_that_cannot_be_solved_fails_the_fit_with_a_message_instead_of_throwing()
    {
        var system = new ObservedDecaySystem();
        var result = Fitter.Fit(system, Table(), new FitOptions
        {
            Solve = Tight with { MaxSteps = 1 },
            Trainable = [new TrainableParameter("k")],
            EstimateNoise = true,
        });
        output.WriteLine(result.Message);
        Assert.False(result.Succeeded);
        Assert.StartsWith("the starting model cannot be solved over the data", result.Message);
        Assert.Empty(result.History);
    }

    [Fact]
    public void Weights_and_estimated_noise_scales_are_refused_together()
    {
        var system = new ObservedDecaySystem();
        var error = Assert.Throws<ArgumentException>(() => Fitter.Fit(system, Table(), new FitOptions
        {
            Trainable = [new TrainableParameter("k")],
            EstimateNoise = true,
            Weights = new Dictionary<string, double> { ["y"] = 2 },
        }));
        Assert.Contains("weights and estimated noise scales exclude each other", error.Message);
    }
}
