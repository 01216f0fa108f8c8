using System.Diagnostics;
using System.Globalization;
using System.Text;
using OdeDsl.Examples;
using OdeDsl.Runtime.Data;
using OdeDsl.Runtime.Fitting;
using OdeDsl.Runtime.Gradients;
using OdeDsl.Runtime.Solvers;
using ScottPlot;

// torchdiffeq's ode_demo: data from the cubic spiral dz/dt = (z^3) A, A = [[-0.1, 2], [-2, -0.1]], z0 = [2, 0],
// 1000 points on [0, 25]; a 2-50-2 tanh MLP on z^3 learns it from 20 random windows of 10 steps per iteration.
var times = Enumerable.Range(1, 1000).Select(i => 25.0 * i / 1000).ToArray();
var truth = Integrator.Solve<double>(new SpiralTruth(), [2, 0], [],
    new SolveOptions { Method = "dop853", T1 = 25, SaveAt = times, Rtol = 1e-10, Atol = 1e-10 });
var csv = new StringBuilder("t,y[0],y[1]\n");
for (var k = 0; k < times.Length; k++)
    csv.Append(string.Create(CultureInfo.InvariantCulture, $"{times[k]:R},{truth.State(k)[0]:R},{truth.State(k)[1]:R}\n"));
var table = ObservationCsv.Read(new StringReader(csv.ToString()), "spiral.csv", new ObservationTableOptions { Observed = ["y[0]", "y[1]"] });

var model = new Spiral();
var options = new FitOptions
{
    Solve = new SolveOptions { Rtol = 1e-6, Atol = 1e-8 },
    Trainable = [.. model.ParameterNames.Select(name => new TrainableParameter(name))],
    LearningRate = 0.003,
    Iterations = 1500,
    Windows = 20,
    WindowLength = 10,
    Gradient = GradientMethod.Discrete,
    Seed = 1,
    Progress = iteration =>
    {
        if (iteration.Iteration % 250 == 0)
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"iteration {iteration.Iteration,4}: minibatch loss {iteration.Loss:G4}"));
    },
};
var clock = Stopwatch.StartNew();
var result = Fitter.Fit(model, table, options);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"full-trajectory loss (mean squared error of the rollout from z0 over [0, 25]) = {result.Loss:G4}; {clock.Elapsed.TotalSeconds:F1} s"));

var learned = Integrator.Solve<double>(model, [2, 0], result.Parameters, options.Solve with { T1 = 25, SaveAt = times });
var plot = new Plot();
plot.Add.ScatterLine(times.Select((_, k) => truth.State(k)[0]).ToArray(), times.Select((_, k) => truth.State(k)[1]).ToArray(), Colors.Gray).LegendText = "true spiral";
plot.Add.ScatterLine(times.Select((_, k) => learned.State(k)[0]).ToArray(), times.Select((_, k) => learned.State(k)[1]).ToArray(), Colors.OrangeRed).LegendText = "learned neural ODE";
plot.XLabel("z[0]");
plot.YLabel("z[1]");
plot.ShowLegend(Alignment.UpperRight);
var path = args.Length > 0 ? args[0] : "spiral-fit.png";
plot.SavePng(path, 600, 600);
Console.WriteLine($"plot: {Path.GetFullPath(path)}");
