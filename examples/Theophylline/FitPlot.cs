using OdeDsl.Runtime.Data;
using OdeDsl.Runtime.Fitting;
using OdeDsl.Runtime.Solvers;
using ScottPlot;

namespace OdeDsl.Examples;

/// <summary>One panel per subject: the measured concentrations and the fitted curve from that subject's dose.</summary>
internal static class FitPlot
{
    public static void Save(string path, Theophylline system, ObservationTable table, double[] parameters, SolveOptions solve)
    {
        var multiplot = new Multiplot();
        multiplot.AddPlots(table.Trajectories.Count);
        multiplot.Layout = new ScottPlot.MultiplotLayouts.Grid(3, 4);
        var models = InputDrivenSystem.ForTable(system, table, solve.T0);
        var peak = table.Trajectories.Max(t => t.Values.Where(v => !double.IsNaN(v)).Max());
        var concentration = system.OutputNames.ToList().IndexOf("conc");
        for (var k = 0; k < table.Trajectories.Count; k++)
        {
            var (trajectory, model, panel) = (table.Trajectories[k], models[k], multiplot.GetPlot(k));
            var times = Enumerable.Range(0, 301).Select(i => 25.0 * i / 300).ToArray();
            var initial = new double[system.StateNames.Count];
            model.GetInitialState(parameters, initial);
            var solution = Integrator.Solve<double>(model, initial, parameters, solve with { T1 = times[^1], SaveAt = times });
            var outputs = new double[system.OutputNames.Count];
            var curve = times.Select((t, i) =>
            {
                model.Outputs(t, solution.State(i), parameters, outputs);
                return outputs[concentration];
            }).ToArray();
            panel.Add.ScatterLine(times, curve, Colors.SteelBlue).LineWidth = 2;
            var points = panel.Add.ScatterPoints(trajectory.Times.ToArray(),
                Enumerable.Range(0, trajectory.Times.Count).Select(i => trajectory.Value(i, 0)).ToArray(), Colors.OrangeRed);
            points.MarkerSize = 7;
            panel.Title(FormattableString.Invariant($"subject {trajectory.Id}, dose {trajectory.Input(0, 0):0.##} mg/kg"), size: 13);
            panel.Axes.SetLimits(-0.5, 25.5, 0, peak * 1.08);
            if (k % 4 == 0) panel.YLabel("conc (mg/L)", size: 12);
            if (k >= 8) panel.XLabel("time (h)", size: 12);
        }
        multiplot.SavePng(path, 1200, 780);
    }
}
