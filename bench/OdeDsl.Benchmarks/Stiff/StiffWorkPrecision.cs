using System.Diagnostics;
using System.Globalization;
using OdeDsl.Runtime.Solvers;
using OdeDsl.Runtime.Tests.Stiff;
using ScottPlot;

namespace OdeDsl.Benchmarks.Stiff;

/// <summary>
/// The stiff solvers' work–precision table on the four IVP test set problems: correct significant
/// digits at the final time (worst component, against the published reference) versus rtol, with
/// wall time, function evaluations, Jacobians and LU factorisations; DOP853 alongside where it
/// finishes within <see cref="MaxSteps"/>. The plot uses function evaluations, not time, as the work:
/// they do not vary between runs on a shared machine. Run with <c>dotnet run -c Release -- stiff-table [png path]</c>;
/// prints a Markdown table for bench/README.md. Single runs, not BenchmarkDotNet statistics: the
/// times show magnitudes, not small differences.
/// </summary>
public static class StiffWorkPrecision
{
    private const int MaxSteps = 300_000;

    private static readonly string[] MethodNames = ["rodas4", "trbdf2", "bdf", "auto", "dop853"];

    private static readonly double[] Rtols = [1e-4, 1e-6, 1e-8, 1e-10];

    public static void Print(string? plotPath)
    {
        var invariant = CultureInfo.InvariantCulture;
        Console.WriteLine("| problem | method | rtol | digits | time (ms) | nfe | steps (rejected) | Jacobians | LUs |");
        Console.WriteLine("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        var series = new List<(string Problem, string Method, List<(double Work, double Digits)> Points)>();
        foreach (var create in ReferenceProblem.All)
        {
            foreach (var method in MethodNames)
            {
                var points = new List<(double, double)>();
                foreach (var rtol in Rtols)
                {
                    var problem = create();
                    var options = new SolveOptions
                    {
                        Method = method, T1 = problem.T1, Rtol = rtol, Atol = problem.Atol * rtol / 1e-8, MaxSteps = MaxSteps,
                    };
                    var watch = Stopwatch.StartNew();
                    var solution = Integrator.Solve(problem.System, options);
                    var milliseconds = watch.Elapsed.TotalMilliseconds;
                    var stats = solution.Stats;
                    var rtolText = rtol.ToString("0e0", invariant);
                    if (!solution.Succeeded)
                    {
                        Console.WriteLine($"| {problem} | {method} | {rtolText} | — ({solution.Status}) | {milliseconds:F0} | {stats.FunctionEvaluations} | {stats.AcceptedSteps} ({stats.RejectedSteps}) | | |");
                        continue;
                    }
                    var digits = problem.CorrectDigits(solution.State(solution.SavedCount - 1));
                    points.Add((stats.FunctionEvaluations, digits));
                    Console.WriteLine(string.Create(invariant,
                        $"| {problem} | {method} | {rtolText} | {digits:F1} | {milliseconds:F1} | {stats.FunctionEvaluations} | {stats.AcceptedSteps} ({stats.RejectedSteps}) | {stats.JacobianEvaluations} | {stats.LuFactorizations} |"));
                }
                series.Add((create().ToString(), method, points));
            }
        }
        if (plotPath is not null)
            SavePlot(plotPath, series);
    }

    private static void SavePlot(string path, List<(string Problem, string Method, List<(double Work, double Digits)> Points)> series)
    {
        var problems = series.Select(s => s.Problem).Distinct().ToArray();
        var multiplot = new Multiplot();
        multiplot.AddPlots(problems.Length);
        Color[] colors = [Colors.SteelBlue, Colors.OrangeRed, Colors.SeaGreen, Colors.Purple, Colors.Gray];
        for (var p = 0; p < problems.Length; p++)
        {
            var plot = multiplot.GetPlot(p);
            foreach (var (problem, method, points) in series.Where(s => s.Problem == problems[p]))
            {
                if (points.Count == 0)
                    continue;
                var line = plot.Add.ScatterLine(points.Select(x => Math.Log10(x.Work)).ToArray(),
                    points.Select(x => x.Digits).ToArray(), colors[Array.IndexOf(MethodNames, method)]);
                line.LegendText = method;
                line.MarkerSize = 6;
            }
            plot.Title(problems[p]);
            plot.XLabel("log10 function evaluations");
            plot.YLabel("correct digits");
            plot.ShowLegend(Alignment.LowerRight);
        }
        multiplot.SavePng(path, 1200, 900);
    }
}
