using OdeDsl.Runtime.Data;
using OdeDsl.Runtime.Solvers;
using ScottPlot;

namespace OdeDsl.Examples;

/// <summary>The pelt records against the fitted populations, on a log scale (the scale of the lognormal residuals).</summary>
internal static class FitPlot
{
    public static void Save(string path, LynxHare system, ObservationTable table, double[] parameters, SolveOptions solve)
    {
        var initial = new double[2];
        system.GetInitialState(parameters, initial);
        var years = Enumerable.Range(0, 401).Select(i => 1900 + 20.0 * i / 400).ToArray();
        var solution = Integrator.Solve<double>(system, initial, parameters, solve with { T1 = 1920, SaveAt = years });
        var trajectory = table.Trajectories[0];
        var plot = new Plot();
        Color[] colors = [Colors.SteelBlue, Colors.OrangeRed];
        for (var j = 0; j < 2; j++)
        {
            var line = plot.Add.ScatterLine(years, years.Select((_, k) => Math.Log10(solution.State(k)[j])).ToArray(), colors[j]);
            line.LegendText = $"{table.Observed[j]} (fitted)";
            var points = plot.Add.ScatterPoints(trajectory.Times.ToArray(),
                Enumerable.Range(0, trajectory.Times.Count).Select(i => Math.Log10(trajectory.Value(i, j))).ToArray(), colors[j]);
            points.LegendText = $"{table.Observed[j]} pelts (data)";
        }
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic
        {
            LabelFormatter = year => year.ToString("0", System.Globalization.CultureInfo.InvariantCulture),
        };
        plot.Title("Lotka–Volterra fitted to the Hudson Bay pelt records");
        plot.XLabel("year");
        plot.YLabel("log10 thousands of pelts");
        plot.ShowLegend(Alignment.UpperRight);
        plot.SavePng(path, 1000, 500);
    }
}
