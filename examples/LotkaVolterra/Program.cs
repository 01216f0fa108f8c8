using System.Diagnostics;
using System.Globalization;
using OdeDsl.Examples.LotkaVolterra;
using OdeDsl.Runtime.Solvers;

// Simulates Lotka–Volterra with the model's default parameters and sets it beside the Hudson Bay
// Company's hare and lynx pelt records (1900–1920). The parameters are not fitted yet (a later
// example does that), so model and data differ in scale and phase; the point here is the solver.
var method = args.Length > 0 ? args[0] : "dopri5";
if (!Methods.TryGet(method, out _))
{
    Console.Error.WriteLine($"error: unknown method '{method}'; valid methods are {string.Join(", ", Methods.Names)}.");
    return 2;
}

var system = new LotkaVolterraSystem();
var records = PeltRecords.Load(Path.Combine(AppContext.BaseDirectory, "hudson-bay-lynx-hare.csv"));
var firstYear = records[0].Year;
var horizon = records[^1].Year - firstYear;
const int PlotPoints = 400;
var plotTimes = Enumerable.Range(0, PlotPoints + 1).Select(k => horizon * k / (double)PlotPoints).ToArray();

var options = new SolveOptions { Method = method, T1 = horizon, SaveAt = plotTimes, Rtol = 1e-8, Atol = 1e-8 };
var stopwatch = Stopwatch.StartNew();
var solution = Integrator.Solve(system, options);
stopwatch.Stop();
if (!solution.Succeeded)
{
    Console.Error.WriteLine($"error: the solve failed: {solution.Message}");
    return 1;
}

Console.WriteLine($"Lotka–Volterra, {method}, rtol=atol=1e-8, t ∈ [0, {horizon}] years from {firstYear}: " +
    $"{solution.Stats}, {stopwatch.Elapsed.TotalMilliseconds:F2} ms (first call, includes JIT)");
Console.WriteLine("Parameters a=1.5, b=1, c=3, d=1, x0=y0=1 (defaults, not fitted): model units vs thousands of pelts.");
Console.WriteLine();
Console.WriteLine(" year │ hare (data) │ lynx (data) │ prey x (model) │ predators y (model)");
Console.WriteLine("──────┼─────────────┼─────────────┼────────────────┼────────────────────");
var perYear = PlotPoints / horizon;
foreach (var record in records)
{
    var state = solution.State((record.Year - firstYear) * perYear);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $" {record.Year} │ {record.Hare,11:F1} │ {record.Lynx,11:F1} │ {state[0],14:F4} │ {state[1],18:F4}"));
}

var plotPath = Path.Combine("artifacts", "lotka-volterra.png");
Directory.CreateDirectory("artifacts");
PopulationPlot.Save(plotPath, firstYear, plotTimes, solution, records);
Console.WriteLine();
Console.WriteLine($"Plot written to {Path.GetFullPath(plotPath)}");
return 0;
