using System.Globalization;
using System.Text;
using OdeDsl.Examples;
using OdeDsl.Runtime.Data;
using OdeDsl.Runtime.Fitting;
using OdeDsl.Runtime.Solvers;
using ScottPlot;

// Synthetic measurements of the angle of a pendulum with damping 0.3 /s and length 0.8 m, every 0.1 s for 10 s,
// with Gaussian noise of 0.05 rad (seed 7); the fit starts from the model's values (0.5 /s, 2 m).
const double TrueDamping = 0.3, TrueLength = 0.8, Noise = 0.05;
var system = new Pendulum();
var times = Enumerable.Range(1, 100).Select(i => i * 0.1).ToArray();
var truth = Integrator.Solve<double>(system, [1.2, 0], [TrueDamping, TrueLength],
    new SolveOptions { Method = "dop853", T1 = 10, SaveAt = times, Rtol = 1e-10, Atol = 1e-10 });
var random = new Random(7);
double Normal() => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
var csv = new StringBuilder("t,angle\n");
for (var k = 0; k < times.Length; k++)
    csv.Append(string.Create(CultureInfo.InvariantCulture, $"{times[k]},{truth.State(k)[0] + Noise * Normal():R}\n"));
var table = ObservationCsv.Read(new StringReader(csv.ToString()), "angles.csv", new ObservationTableOptions { Observed = ["angle"] });

var solve = new SolveOptions { Rtol = 1e-8, Atol = 1e-8 };
var result = Fitter.Fit(system, table, new FitOptions
{
    Solve = solve,
    Trainable = [new TrainableParameter("damping", FitConstraint.Positive), new TrainableParameter("length", FitConstraint.Interval(0.1, 10))],
    Optimizer = FitOptimizer.Lbfgs,
    LearningRate = 0.1,
    Iterations = 60,
});
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"damping = {result["damping"]:F4} /s (true {TrueDamping})"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"length  = {result["length"]:F4} m (true {TrueLength})"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"loss    = {result.Loss:G4} (mean squared residual; the noise variance is {Noise * Noise:G3})"));

var fine = Enumerable.Range(0, 501).Select(i => i * 0.02).ToArray();
var fitted = Integrator.Solve<double>(system, [1.2, 0], result.Parameters, solve with { T1 = 10, SaveAt = fine });
var plot = new Plot();
plot.Add.ScatterPoints(times, table.Trajectories[0].Values.ToArray(), Colors.Gray).LegendText = "measured angle";
plot.Add.ScatterLine(fine, fine.Select((_, k) => fitted.State(k)[0]).ToArray(), Colors.OrangeRed).LegendText = "fitted model";
plot.XLabel("t (s)");
plot.YLabel("angle (rad)");
plot.ShowLegend(Alignment.UpperRight);
var path = args.Length > 0 ? args[0] : "pendulum-fit.png";
plot.SavePng(path, 900, 400);
Console.WriteLine($"plot: {Path.GetFullPath(path)}");
