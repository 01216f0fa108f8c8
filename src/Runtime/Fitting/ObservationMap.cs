using OdeDsl.Runtime.Data;
using OdeDsl.Runtime.Systems;

namespace OdeDsl.Runtime.Fitting;

/// <summary>
/// Which model output each observed column of a table is compared with, whether residuals are taken on logs
/// (<c>~ lognormal</c>), and which states are observed directly (<c>observe y = z</c>), so that time windows
/// can start from the data as in torchdiffeq's ode_demo.
/// </summary>
internal sealed class ObservationMap
{
    public ObservationMap(IOdeSystem system, IOdeOutputs outputs, ObservationTable table, double[] parameters)
    {
        var byName = Enumerable.Range(0, outputs.OutputNames.Count).ToDictionary(i => outputs.OutputNames[i], StringComparer.Ordinal);
        OutputIndex = [.. table.Observed.Select(name => byName[name])];
        Logarithmic = [.. OutputIndex.Select(i => outputs.OutputKinds[i] == OdeOutputKind.LogNormalObservation)];
        OutputCount = outputs.OutputNames.Count;
        StateColumn = FindDirectColumns(system, outputs, parameters);
    }

    public int[] OutputIndex { get; }
    public bool[] Logarithmic { get; }
    public int OutputCount { get; }

    /// <summary>Per state, the column that observes it directly, or −1; null unless every state has one.</summary>
    public int[]? StateColumn { get; }

    private int[]? FindDirectColumns(IOdeSystem system, IOdeOutputs outputs, double[] parameters)
    {
        var (n, p, m) = (system.StateCount, system.ParameterCount, OutputCount);
        // An output is the state z_i itself when its gradient is the unit vector e_i and it equals z_i at a generic point.
        var state = Enumerable.Range(0, n).Select(i => 0.37 + 0.11 * i).ToArray();
        var values = new double[m];
        outputs.Outputs(0, state, parameters, values);
        var columns = Enumerable.Repeat(-1, n).ToArray();
        for (var j = 0; j < OutputIndex.Length; j++)
        {
            var cotangent = new double[m];
            cotangent[OutputIndex[j]] = 1;
            var stateCotangent = new double[n];
            var parameterCotangent = new double[p];
            outputs.OutputVjp(0, state, parameters, cotangent, stateCotangent, parameterCotangent, new double[1]);
            var nonzero = Enumerable.Range(0, n).Where(i => stateCotangent[i] != 0).ToList();
            if (nonzero.Count == 1 && stateCotangent[nonzero[0]] == 1 && parameterCotangent.All(v => v == 0)
                && values[OutputIndex[j]] == state[nonzero[0]] && columns[nonzero[0]] < 0)
                columns[nonzero[0]] = j;
        }
        return columns.All(c => c >= 0) ? columns : null;
    }
}
