using OdeDsl.Runtime.Systems;

namespace OdeDsl.Runtime.Fitting;

/// <summary>
/// Which states a table observes directly (<c>observe y = z</c>), so that time windows can start from the data as in
/// torchdiffeq's ode_demo.
/// </summary>
internal static class DirectStateColumns
{
    /// <summary>Per state, the observed column that is that state itself; null unless every state has one.</summary>
    public static int[]? Find(IOdeSystem system, IOdeOutputs outputs, ObservationLoss loss, double[] parameters)
    {
        var (n, p, m) = (system.StateCount, system.ParameterCount, loss.OutputCount);
        // An output is the state z_i itself when its gradient is the unit vector e_i and it equals z_i at a generic point.
        var state = Enumerable.Range(0, n).Select(i => 0.37 + 0.11 * i).ToArray();
        var values = new double[m];
        outputs.Outputs(0, state, parameters, values);
        var columns = Enumerable.Repeat(-1, n).ToArray();
        for (var j = 0; j < loss.ColumnCount; j++)
        {
            var output = loss.OutputIndex(j);
            var cotangent = new double[m];
            cotangent[output] = 1;
            var stateCotangent = new double[n];
            var parameterCotangent = new double[p];
            outputs.OutputVjp(0, state, parameters, cotangent, stateCotangent, parameterCotangent, new double[1]);
            var nonzero = Enumerable.Range(0, n).Where(i => stateCotangent[i] != 0).ToList();
            if (nonzero.Count == 1 && stateCotangent[nonzero[0]] == 1 && parameterCotangent.All(v => v == 0)
                && values[output] == state[nonzero[0]] && columns[nonzero[0]] < 0)
                columns[nonzero[0]] = j;
        }
        return columns.All(c => c >= 0) ? columns : null;
    }
}
