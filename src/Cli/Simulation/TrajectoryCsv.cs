using System.Globalization;
using OdeDsl.Runtime.Solvers;
using OdeDsl.Runtime.Systems;

namespace OdeDsl.Cli.Simulation;

/// <summary>
/// Writes a solution as CSV: header <c>t,&lt;states&gt;,&lt;aux names&gt;</c>, one row per save time,
/// numbers in round-trip invariant form (the layout of XPPAUT's output.dat, with a header).
/// </summary>
internal static class TrajectoryCsv
{
    public static void Write(TextWriter writer, IOdeSystem system, ReadOnlySpan<double> parameters, Solution<double> solution)
    {
        var outputs = system as IOdeOutputs;
        var aux = outputs is null
            ? []
            : Enumerable.Range(0, outputs.OutputNames.Count).Where(i => outputs.OutputKinds[i] == OdeOutputKind.Aux).ToArray();
        writer.WriteLine(string.Join(",", new[] { "t" }.Concat(system.StateNames).Concat(aux.Select(i => outputs!.OutputNames[i]))));
        var outputValues = new double[outputs?.OutputNames.Count ?? 0];
        var line = new List<string>();
        for (var save = 0; save < solution.SavedCount; save++)
        {
            line.Clear();
            var t = solution.Times[save];
            var state = solution.State(save);
            line.Add(Format(t));
            foreach (var value in state) line.Add(Format(value));
            if (aux.Length > 0)
            {
                outputs!.Outputs(t, state, parameters, outputValues);
                foreach (var index in aux) line.Add(Format(outputValues[index]));
            }
            writer.WriteLine(string.Join(",", line));
        }
    }

    private static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
