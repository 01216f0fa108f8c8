using OdeDsl.Runtime.Solvers;
using ScottPlot;

namespace OdeDsl.Examples.LotkaVolterra;

/// <summary>Model trajectories (left axis) and pelt records (right axis) against the calendar year.</summary>
public static class PopulationPlot
{
    public static void Save(string path, int firstYear, double[] times, Solution<double> solution,
        IReadOnlyList<PeltRecord> records)
    {
        var years = times.Select(t => firstYear + t).ToArray();
        var prey = Enumerable.Range(0, times.Length).Select(k => solution.State(k)[0]).ToArray();
        var predators = Enumerable.Range(0, times.Length).Select(k => solution.State(k)[1]).ToArray();

        var plot = new Plot();
        var preyLine = plot.Add.ScatterLine(years, prey, Colors.SteelBlue);
        preyLine.LegendText = "prey x (model)";
        var predatorLine = plot.Add.ScatterLine(years, predators, Colors.OrangeRed);
        predatorLine.LegendText = "predators y (model)";

        var recordYears = records.Select(r => (double)r.Year).ToArray();
        var hares = plot.Add.ScatterPoints(recordYears, records.Select(r => r.Hare).ToArray(), Colors.SteelBlue);
        hares.LegendText = "hare pelts (data)";
        hares.Axes.YAxis = plot.Axes.Right;
        var lynxes = plot.Add.ScatterPoints(recordYears, records.Select(r => r.Lynx).ToArray(), Colors.OrangeRed);
        lynxes.LegendText = "lynx pelts (data)";
        lynxes.Axes.YAxis = plot.Axes.Right;

        // Calendar years, not thousands-separated numbers.
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic
        {
            LabelFormatter = year => year.ToString("0", System.Globalization.CultureInfo.InvariantCulture),
        };
        plot.Title("Lotka–Volterra with default parameters vs Hudson Bay pelt records");
        plot.XLabel("year");
        plot.YLabel("model population");
        plot.Axes.Right.Label.Text = "thousands of pelts";
        plot.ShowLegend(Alignment.UpperLeft);
        plot.SavePng(path, 1000, 500);
    }
}
