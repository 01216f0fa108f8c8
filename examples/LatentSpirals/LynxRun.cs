using System.Globalization;
using OdeDsl.Runtime.Data;
using OdeDsl.Runtime.Latent;
using ScottPlot;
using static TorchSharp.torch;

namespace OdeDsl.Examples;

/// <summary>
/// The yearly Canadian lynx trappings 1821–1934 on a log10 scale, standardised with the training years' mean and
/// spread. Models read 20 years and forecast the next 14: trained on every such 34-year window inside 1821–1920, scored
/// on reading 1901–1920 and forecasting the held-out 1921–1934. Time runs in units of two years.
/// </summary>
internal static class LynxRun
{
    private const int History = 20;

    private const int Horizon = 14;

    private const int LastTrainingYear = 1920;

    private const double YearsPerUnit = 2;

    public static int Run(string path, int iterations, string plotPath, int seed)
    {
        ObservationTable table;
        try
        {
            table = ObservationCsv.Read(path, new ObservationTableOptions { Observed = ["trappings"], TimeColumn = "year" });
        }
        catch (DataError error)
        {
            Console.Error.WriteLine(error.Message);
            return 1;
        }
        var series = table.Trajectories[0];
        var years = series.Times.Select(t => (int)t).ToArray();
        var logs = series.Values.Select(Math.Log10).ToArray();
        var trainingLogs = logs.Where((_, i) => years[i] <= LastTrainingYear).ToArray();
        var (mean, spread) = (trainingLogs.Average(), Math.Sqrt(trainingLogs.Select(v => (v - trainingLogs.Average()) * (v - trainingLogs.Average())).Average()));
        double Standard(int year) => (logs[year - years[0]] - mean) / spread;
        ObservedTrajectory Window(int first, int length) => new($"{first}",
            [.. Enumerable.Range(0, length).Select(i => i / YearsPerUnit)], [.. Enumerable.Range(first, length).Select(Standard)], 1);

        var random = new Random(seed);
        manual_seed(seed);
        var starts = Enumerable.Range(years[0], LastTrainingYear - History - Horizon + 2 - years[0]).ToArray();
        var inputs = starts.Select(s => Window(s, History)).ToArray();
        var targets = starts.Select(s => Window(s, History + Horizon)).ToArray();
        Console.WriteLine($"lynx: {years.Length} years {years[0]}–{years[^1]}; {starts.Length} training windows of {History}+{Horizon} years inside {years[0]}–{LastTrainingYear}");

        var latent = Training.LatentModel(1, 0.1);
        var baseline = new GruBaseline("baseline", 1, 25);
        Training.Train("latent ODE", latent, starts.Length, 32, iterations, random, chosen =>
            latent.Elbo(IrregularBatch.Create([.. chosen.Select(i => inputs[i])], 0), IrregularBatch.Create([.. chosen.Select(i => targets[i])], 0)).Loss);
        Training.Train("GRU baseline", baseline, starts.Length, 32, iterations, random, chosen =>
            baseline.Loss(IrregularBatch.Create([.. chosen.Select(i => targets[i])], 0)));

        // ── Forecast the held-out years from the 20 before them ───────────────────────────────────
        var firstHistory = LastTrainingYear - History + 1;
        var history = IrregularBatch.Create([Window(firstHistory, History)], 0);
        var times = Enumerable.Range(0, History + Horizon).Select(i => i / YearsPerUnit).ToArray();
        Tensor latentPath;
        using (no_grad())
            latentPath = latent.Decode(latent.Encode(history).Mean, times);
        var baselineForecast = baseline.Forecast(history, times[History..]);
        double[] Logs(Tensor standardised) => [.. standardised.flatten().data<double>().ToArray().Select(v => v * spread + mean)];
        var latentLogs = Logs(latentPath);
        var baselineLogs = Logs(baselineForecast);
        var heldOut = Enumerable.Range(LastTrainingYear + 1, Horizon).Select(y => logs[y - years[0]]).ToArray();
        var lastCycle = Enumerable.Range(LastTrainingYear + 1, Horizon).Select(y => logs[y - 10 - (y - 10 > LastTrainingYear ? 10 : 0) - years[0]]).ToArray();
        double Rmse(IReadOnlyList<double> forecast) => Math.Sqrt(heldOut.Select((v, i) => (forecast[i] - v) * (forecast[i] - v)).Average());

        Console.WriteLine($"forecast error on log10 trappings, {LastTrainingYear + 1}–{LastTrainingYear + Horizon} (held out):");
        Console.WriteLine("| model | RMSE (log10) |");
        Console.WriteLine("|---|---|");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| latent ODE | {Rmse(latentLogs[History..]):F3} |"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| GRU-Δt baseline | {Rmse(baselineLogs):F3} |"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| repeat the last observed 10-year cycle | {Rmse(lastCycle):F3} |"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| training mean | {Rmse([.. heldOut.Select(_ => mean)]):F3} |"));

        var plot = new Plot();
        var data = plot.Add.ScatterPoints(years.Select(y => (double)y).ToArray(), logs, Colors.Black);
        data.LegendText = "trappings (data)";
        var pathYears = times.Select(t => firstHistory + t * YearsPerUnit).ToArray();
        var latentLine = plot.Add.ScatterLine(pathYears, latentLogs, Colors.SteelBlue);
        latentLine.LineWidth = 2;
        latentLine.LegendText = "latent ODE: reconstruction and forecast";
        var gruLine = plot.Add.ScatterLine(pathYears[History..], baselineLogs, Colors.SeaGreen);
        gruLine.LinePattern = LinePattern.Dashed;
        gruLine.LegendText = "GRU-Δt baseline: forecast";
        plot.Add.VerticalLine(LastTrainingYear + 0.5, 1, Colors.Gray).LegendText = "held-out years begin";
        plot.Title("Canadian lynx: 14-year forecast from the 20 years before");
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic
        {
            LabelFormatter = year => year.ToString("0", CultureInfo.InvariantCulture),
        };
        plot.XLabel("year");
        plot.YLabel("log10 trappings");
        plot.ShowLegend(Alignment.UpperLeft);
        plot.SavePng(plotPath, 1000, 500);
        Console.WriteLine($"plot: {Path.GetFullPath(plotPath)}");
        return 0;
    }
}
