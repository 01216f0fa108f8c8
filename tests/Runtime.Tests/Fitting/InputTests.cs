using System.Globalization;
using System.Text;
using OdeDsl.Runtime.Data;
using OdeDsl.Runtime.Fitting;
using OdeDsl.Runtime.Gradients;
using OdeDsl.Runtime.Solvers;
using OdeDsl.Runtime.Systems;
using Xunit.Abstractions;

namespace OdeDsl.Runtime.Tests.Fitting;

/// <summary>
/// <c>input</c> quantities in fits (Models/fit_dosing.ode, fit_forced.ode): a dose per subject that sets the initial
/// state, and a covariate that varies over time, piecewise-linear between data rows.
/// </summary>
public sealed class InputTests(ITestOutputHelper output)
{
    private static readonly SolveOptions Tight = new() { Method = "dop853", Rtol = 1e-11, Atol = 1e-11 };

    /// <summary>
    /// For finite differences: the drive's kinks make the accepted steps depend on θ, which at 1e-11 moves central
    /// differences by ~1e-5 relative; at 1e-13 they settle to ~1e-8.
    /// </summary>
    private static readonly SolveOptions Tighter = new() { Method = "dop853", Rtol = 1e-13, Atol = 1e-13 };

    private static readonly (string Name, double Value)[] DosingTruth = [("ka", 1.5), ("ke", 0.2), ("volume", 4), ("oral", 0.7)];

    /// <summary>Subjects with their doses and irregular sampling times.</summary>
    private static readonly (string Id, double Dose, double[] Times)[] Subjects =
    [
        ("s1", 3, [0.25, 0.5, 1, 2, 3.5, 5, 7, 9.5, 12]),
        ("s2", 5.5, [0.3, 0.8, 1.5, 2.5, 4, 6, 8, 11]),
        ("s3", 8, [0.2, 0.6, 1.2, 2, 3, 4.5, 6.5, 9, 12, 15]),
        ("s4", 12, [0.5, 1, 1.7, 3, 5, 7.5, 10]),
    ];

    [Fact]
    public void Noise_free_doses_per_subject_recover_rates_volume_and_oral_fraction_to_1e_4()
    {
        var system = new FitDosing();
        var data = DosingData(system);
        var result = Fitter.Fit(system, data, new FitOptions
        {
            Solve = Tight,
            Trainable =
            [
                new TrainableParameter("ka", FitConstraint.Positive), new TrainableParameter("ke", FitConstraint.Positive),
                new TrainableParameter("volume", FitConstraint.Positive), new TrainableParameter("oral", FitConstraint.Interval(0, 1)),
            ],
            StartParameters = SyntheticData.Parameters(system, ("ka", 1.2), ("ke", 0.24), ("volume", 3.3), ("oral", 0.6)),
            Optimizer = FitOptimizer.Lbfgs,
            Iterations = 200,
            LearningRate = 0.1,
        });
        output.WriteLine($"{result.Message}; loss {result.Loss:G6}");
        foreach (var (name, value) in DosingTruth)
        {
            var error = Math.Abs(result[name] - value) / value;
            output.WriteLine($"{name} = {result[name]:R} (true {value}, relative error {error:E2})");
            Assert.True(error < 1e-4, $"{name} = {result[name]}, true {value}: relative error {error:E2}");
        }
        Assert.True(result.Succeeded, result.Message);
    }

    [Theory]
    [InlineData(GradientMethod.Adjoint)]
    [InlineData(GradientMethod.Discrete)]
    public void The_gradient_through_a_dose_dependent_initial_state_matches_central_differences(GradientMethod method)
    {
        var system = new FitDosing();
        var data = DosingData(system);
        var loss = new ObservationLoss(system, data);
        // Away from the truth, where the loss and its gradient are not zero.
        var parameters = SyntheticData.Parameters(system, ("ka", 1.3), ("ke", 0.25), ("volume", 3.5), ("oral", 0.6));
        AssertGradientMatchesDifferences(system, data, loss, parameters, method, ["ka", "ke", "volume", "oral"]);
    }

    [Theory]
    [InlineData(GradientMethod.Adjoint)]
    [InlineData(GradientMethod.Checkpoint)]
    [InlineData(GradientMethod.Discrete)]
    public void The_gradient_with_a_time_varying_input_matches_central_differences(GradientMethod method)
    {
        var system = new FitForced();
        var data = ForcedData();
        var loss = new ObservationLoss(system, data);
        var parameters = SyntheticData.Parameters(system, ("k", 0.7), ("gain", 1.8));
        AssertGradientMatchesDifferences(system, data, loss, parameters, method, ["k", "gain"]);
    }

    [Fact]
    public void A_time_varying_input_is_interpolated_in_the_solve()
    {
        // An independent solve: classical RK4 with 40,000 steps (every row time a step boundary, so the kinks of the
        // piecewise-linear drive cost no accuracy) that evaluates the drive itself.
        var system = new FitForced();
        var data = ForcedData();
        var parameters = SyntheticData.Parameters(system, ("k", 0.7), ("gain", 1.8));
        var trajectory = data.Trajectories[0];
        var driven = new InputDrivenSystem(system, system, data.File, data.Inputs, trajectory, 0);
        var initial = new double[1];
        driven.GetInitialState(parameters, initial);
        var solution = Integrator.Solve<double>(driven, initial, parameters, Tight with { T1 = 4, SaveAt = [4] });
        var reference = RungeKutta4(Drive, parameters, 4, 40_000);
        Assert.Equal(reference, solution.States[0], 1e-9);
    }

    [Fact]
    public void The_time_cotangent_carries_the_slope_of_the_input()
    {
        var system = new FitForced();
        var data = ForcedData();
        var driven = new InputDrivenSystem(system, system, data.File, data.Inputs, data.Trajectories[0], 0);
        var parameters = SyntheticData.Parameters(system, ("k", 0.7), ("gain", 1.8));
        double[] state = [0.9], cotangent = [1.3];
        foreach (var t in new[] { 0.7, 1.6, 2.9 })
        {
            var (stateCotangent, parameterCotangent, timeCotangent) = (new double[1], new double[parameters.Length], new double[1]);
            driven.Vjp(t, state, parameters, cotangent, stateCotangent, parameterCotangent, timeCotangent);
            double F(double time)
            {
                var derivative = new double[1];
                driven.Derivative(time, state, parameters, derivative);
                return cotangent[0] * derivative[0];
            }
            const double h = 1e-6;
            Assert.Equal((F(t + h) - F(t - h)) / (2 * h), timeCotangent[0], 1e-7);
            Assert.Equal(0, parameterCotangent[system.ParameterNames.ToList().IndexOf("drive")]);
        }
    }

    [Fact]
    public void Float_and_tensor_kernels_see_the_same_inputs_as_the_double_kernels()
    {
        var system = new FitForced();
        var data = ForcedData();
        var driven = new InputDrivenSystem(system, system, data.File, data.Inputs, data.Trajectories[0], 0);
        var parameters = SyntheticData.Parameters(system, ("k", 0.7), ("gain", 1.8));
        double[] states = [0.9, 1.4];
        var expected = new double[2];
        driven.Derivative(1.25, states, parameters, expected);
        // The drive at 1.25 is 1.4 − 0.25·2 = 0.9, so this is the model's right-hand side with u = 0.9.
        Assert.Equal(-0.7 * 0.9 + 1.8 * 0.9 * 0.81 / 1.81, expected[0], 1e-12);
        var single = new float[2];
        driven.Derivative(1.25f, [.. states.Select(v => (float)v)], [.. parameters.Select(v => (float)v)], single);
        for (var i = 0; i < 2; i++) Assert.Equal(expected[i], single[i], 1e-5);
        using var scope = TorchSharp.torch.NewDisposeScope();
        var tensor = driven.Derivative(TorchSharp.torch.tensor(1.25), TorchSharp.torch.tensor(states, [2, 1]), TorchSharp.torch.tensor(parameters));
        var values = tensor.data<double>().ToArray();
        for (var i = 0; i < 2; i++) Assert.Equal(expected[i], values[i], 1e-12);
    }

    [Fact]
    public void Training_an_input_is_refused_with_its_name()
    {
        var system = new FitForced();
        var error = Assert.Throws<ArgumentException>(() => Fitter.Fit(system, ForcedData(), new FitOptions { Trainable = [new TrainableParameter("drive")] }));
        Assert.Contains("'drive' is an input of the model", error.Message);
    }

    [Fact]
    public void A_table_without_the_model_input_is_a_data_error_naming_it()
    {
        var system = new FitForced();
        var data = ObservationCsv.Read(new StringReader("t,y\n0.5,1\n1,2\n"), "plain.csv", new ObservationTableOptions { Observed = ["y"] });
        var error = Assert.Throws<DataError>(() => Fitter.Fit(system, data, new FitOptions { Trainable = [new TrainableParameter("k")] }));
        Assert.Contains("input 'drive'", error.Message);
    }

    private static void AssertGradientMatchesDifferences<TSystem>(TSystem system, ObservationTable data, ObservationLoss loss,
        double[] parameters, GradientMethod method, string[] names) where TSystem : IOdeSystem, IOdeOutputs
    {
        var result = DatasetGradient.Compute(system, data, loss, parameters, new GradientOptions { Method = method, Solve = Tighter });
        Assert.True(result.Succeeded, result.Failure);
        foreach (var name in names)
        {
            var index = system.ParameterNames.ToList().IndexOf(name);
            var step = 1e-5 * Math.Abs(parameters[index]);
            double At(double value)
            {
                var moved = (double[])parameters.Clone();
                moved[index] = value;
                return FittingObjective.Loss(system, data, loss, moved, Tighter);
            }
            var expected = (At(parameters[index] + step) - At(parameters[index] - step)) / (2 * step);
            Assert.True(Math.Abs(expected) > 1e-4, $"d loss / d {name} = {expected} is too small to test anything");
            Assert.True(Math.Abs(result.Parameters[index] - expected) <= 1e-6 * Math.Abs(expected),
                $"d loss / d {name}: {result.Parameters[index]:R}, central differences {expected:R}");
        }
    }

    /// <summary>Concentrations of every subject at the truth, each solved with its dose written into θ by hand.</summary>
    private static ObservationTable DosingData(FitDosing system)
    {
        var text = new StringBuilder("id,t,dose,concentration\n");
        var doseSlot = system.ParameterNames.ToList().IndexOf("dose");
        foreach (var (id, dose, times) in Subjects)
        {
            var parameters = SyntheticData.Parameters(system, DosingTruth);
            parameters[doseSlot] = dose;
            var initial = new double[system.StateNames.Count];
            system.GetInitialState(parameters, initial);
            var solution = Integrator.Solve<double>(system, initial, parameters,
                new SolveOptions { Method = "dop853", T1 = times[^1], SaveAt = times, Rtol = 1e-13, Atol = 1e-13, ThrowOnFailure = true });
            var outputs = new double[system.OutputNames.Count];
            for (var k = 0; k < times.Length; k++)
            {
                system.Outputs(times[k], solution.State(k), parameters, outputs);
                // The dose is written on the first row only: a constant input needs one value per subject.
                var doseCell = k == 0 ? Format(dose) : "";
                text.Append($"{id},{Format(times[k])},{doseCell},{Format(outputs[0])}\n");
            }
        }
        return ObservationCsv.Read(new StringReader(text.ToString()), "doses.csv",
            new ObservationTableOptions { Observed = ["concentration"], Inputs = ["dose"], TrajectoryColumn = "id" });
    }

    /// <summary>The drive at the rows of <see cref="ForcedData"/>: 0.2, 1.4, −0.6, 0.9, 0.9 at t = 0, 1, 2, 3, 4.</summary>
    private static double Drive(double t)
    {
        double[] times = [0, 1, 2, 3, 4], values = [0.2, 1.4, -0.6, 0.9, 0.9];
        var i = Math.Clamp((int)Math.Floor(t), 0, 3);
        return values[i] + (t - times[i]) * (values[i + 1] - values[i]);
    }

    private static ObservationTable ForcedData() => ObservationCsv.Read(
        new StringReader("t,drive,y\n0,0.2,\n0.5,,1.2\n1,1.4,1.5\n1.5,,1.1\n2,-0.6,0.8\n2.5,,0.7\n3,0.9,0.9\n4,0.9,1.0\n"),
        "forced.csv", new ObservationTableOptions { Observed = ["y"], Inputs = ["drive"] });

    /// <summary>Classical RK4 with many small steps on x' = −k x + gain·u(t)·x²/(1 + x²) from x(0) = 1.</summary>
    private static double RungeKutta4(Func<double, double> drive, double[] parameters, double t1, int steps)
    {
        var (k, gain) = (parameters[0], parameters[1]);
        double F(double t, double x) => -k * x + gain * drive(t) * x * x / (1 + x * x);
        var (x, h) = (1.0, t1 / steps);
        for (var i = 0; i < steps; i++)
        {
            var t = i * h;
            var k1 = F(t, x);
            var k2 = F(t + h / 2, x + h / 2 * k1);
            var k3 = F(t + h / 2, x + h / 2 * k2);
            var k4 = F(t + h, x + h * k3);
            x += h / 6 * (k1 + 2 * k2 + 2 * k3 + k4);
        }
        return x;
    }

    private static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
