using System.Diagnostics;
using System.Globalization;
using OdeDsl.Examples;
using OdeDsl.Runtime.Data;
using OdeDsl.Runtime.Fitting;
using OdeDsl.Runtime.Solvers;

// Lotka–Volterra (lynx_hare.ode, compiled at build time) fitted to the Hudson Bay Company's hare and lynx pelt
// records 1900–1920: lognormal observations, positive rates, learnable initial populations, L-BFGS.
var data = Path.Combine(AppContext.BaseDirectory, "hudson-bay-lynx-hare.csv");
var plot = args.Length > 0 ? args[0] : "lynx-hare-fit.png";
var system = new LynxHare();
var table = ObservationCsv.Read(data, new ObservationTableOptions { TimeColumn = "Year", Observed = ["Hare", "Lynx"], ModelStart = 1900 });

// The trainable quantities and constraints the model declares with 'learn ... positive'.
string[] learned = ["alpha", "beta", "delta", "gamma", "hares(0)", "lynxes(0)"];
var options = new FitOptions
{
    Solve = new SolveOptions { T0 = 1900, Rtol = 1e-8, Atol = 1e-8 },
    Trainable = [.. learned.Select(name => new TrainableParameter(name, FitConstraint.Positive))],
    Optimizer = FitOptimizer.Lbfgs,
    LearningRate = 0.1,
    Iterations = 100,
};
var clock = Stopwatch.StartNew();
var result = Fitter.Fit(system, table, options);
clock.Stop();
if (!result.Succeeded)
{
    Console.Error.WriteLine("The fit failed: " + result.Message);
    return 1;
}

foreach (var name in learned) Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name,-10} = {result[name]:G6}"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"loss       = {result.Loss:G6} (mean squared log residual; {result.History.Count} iterations, {clock.Elapsed.TotalSeconds:F1} s)"));
FitPlot.Save(plot, system, table, result.Parameters, options.Solve);
Console.WriteLine($"plot: {Path.GetFullPath(plot)}");
return 0;
