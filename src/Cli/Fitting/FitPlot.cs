using OdeDsl.Runtime.Data;
using OdeDsl.Runtime.Fitting;
using OdeDsl.Runtime.Solvers;
using OdeDsl.Runtime.Systems;
using ScottPlot;

namespace OdeDsl.Cli.Fitting;

/// <summary>The data points against the fitted model's observed outputs, one colour per observed column (ScottPlot PNG).</summary>
internal static class FitPlot
{
    public static void Save<TSystem>(string path, TSystem system, ObservationTable table, double[] parameters, SolveOptions solve)
        where TSystem : IOdeSystem, IOdeOutputs
    {
        var plot = new Plot();
        var palette = new ScottPlot.Palettes.Category10();
        var outputIndex = table.Observed.Select(name => system.OutputNames.ToList().IndexOf(name)).ToArray();
        var logarithmic = outputIndex.Any(i => system.OutputKinds[i] == OdeOutputKind.LogNormalObservation);
        double Scale(double value) => logarithmic ? Math.Log10(value) : value;
        var models = InputDrivenSystem.ForTable(system, table, solve.T0);
        foreach (var (trajectory, number) in table.Trajectories.Select((t, k) => (t, k)))
        {
            var end = trajectory.Times[^1];
            var times = Enumerable.Range(0, 401).Select(i => solve.T0 + (end - solve.T0) * i / 400).ToArray();
            var initial = new double[system.StateCount];
            models[number].GetInitialState(parameters, initial);
            var solution = Integrator.Solve<double>(models[number], initial, parameters, solve with { T1 = end, SaveAt = times });
            if (!solution.Succeeded) continue;
            var outputs = new double[system.OutputNames.Count];
            for (var j = 0; j < outputIndex.Length; j++)
            {
                var color = palette.GetColor(j);
                var model = times.Select((t, k) =>
                {
                    models[number].Outputs(t, solution.State(k), parameters, outputs);
                    return Scale(outputs[outputIndex[j]]);
                }).ToArray();
                var line = plot.Add.ScatterLine(times, model, color);
                var rows = Enumerable.Range(0, trajectory.Times.Count).Where(i => !double.IsNaN(trajectory.Value(i, j))).ToArray();
                var points = plot.Add.ScatterPoints(rows.Select(i => trajectory.Times[i]).ToArray(), rows.Select(i => Scale(trajectory.Value(i, j))).ToArray(), color);
                if (number == 0)
                {
                    line.LegendText = $"{table.Observed[j]} (fitted model)";
                    points.LegendText = $"{table.Observed[j]} (data)";
                }
            }
        }
        plot.Title($"{system.Name} fitted to {Path.GetFileName(table.File)}");
        plot.XLabel("t");
        plot.YLabel(logarithmic ? "log10 of observed value" : "observed value");
        plot.ShowLegend(Alignment.UpperRight);
        plot.SavePng(path, 1000, 500);
    }
}
