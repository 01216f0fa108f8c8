using System.Diagnostics;
using System.Globalization;
using OdeDsl.Examples;

// One-compartment pharmacokinetics with first-order absorption (theophylline.ode, compiled at build time) fitted
// jointly to R's Theoph data: 12 subjects, each with its own oral dose (the model's 'input Dose') and sampling times.
var plot = args.Length > 0 ? args[0] : "theophylline-fit.png";
var system = new Theophylline();
var table = TheophyllineFit.Read(Path.Combine(AppContext.BaseDirectory, "theoph.csv"));
var clock = Stopwatch.StartNew();
var result = TheophyllineFit.Run(system, table);
clock.Stop();
if (!result.Succeeded)
{
    Console.Error.WriteLine("The fit failed: " + result.Message);
    return 1;
}

string Line(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
Console.WriteLine(Line($"ka     = {result["ka"]:G5} 1/h     (log {Math.Log(result["ka"]):F3})"));
Console.WriteLine(Line($"ke     = {result["ke"]:G5} 1/h    (log {Math.Log(result["ke"]):F3})"));
Console.WriteLine(Line($"cl     = {result["cl"]:G5} L/h/kg (log {Math.Log(result["cl"]):F3})"));
Console.WriteLine(Line($"volume = {result["cl"] / result["ke"]:G5} L/kg (cl/ke)"));
Console.WriteLine(Line($"loss   = {result.Loss:G6} (mean squared residual, (mg/L)², over {table.ObservedValueCount} concentrations; {result.History.Count} iterations, {clock.Elapsed.TotalSeconds:F1} s)"));
FitPlot.Save(plot, system, table, result.Parameters, TheophyllineFit.Options.Solve);
Console.WriteLine($"plot: {Path.GetFullPath(plot)}");
return 0;
