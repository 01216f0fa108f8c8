using OdeDsl.Runtime.Data;
using OdeDsl.Runtime.Systems;

namespace OdeDsl.Runtime.Fitting;

/// <summary>
/// The fitting loss (docs/fitting.md): the mean, over every observed and non-missing data value, of the
/// weighted squared residual <c>w_j r²</c>, with <c>r = y_model − y_data</c> for <c>~ normal</c> observations and
/// <c>r = log y_model − log y_data</c> for <c>~ lognormal</c> ones, and <c>w_j</c> the weight of column <c>j</c>
/// (1 unless given). Each table column is matched to the model output of the same name (the table's
/// <see cref="ObservationTable.Observed"/> names).
/// </summary>
public sealed class ObservationLoss
{
    private readonly int[] _outputIndex;
    private readonly bool[] _logarithmic;
    private readonly double[] _weights;
    private readonly int[] _columnCounts;

    /// <param name="weights">Weights of observed columns by name; a column not named weighs 1.</param>
    /// <exception cref="DataError">A column names no observation of the model, or lognormal data are not positive.</exception>
    /// <exception cref="ArgumentException">A weight names no observed column, or is not positive and finite.</exception>
    public ObservationLoss(IOdeOutputs outputs, ObservationTable table, IReadOnlyDictionary<string, double>? weights = null)
    {
        var observations = Enumerable.Range(0, outputs.OutputNames.Count)
            .Where(i => outputs.OutputKinds[i] != OdeOutputKind.Aux)
            .ToDictionary(i => outputs.OutputNames[i], StringComparer.Ordinal);
        _outputIndex = new int[table.Observed.Count];
        _logarithmic = new bool[table.Observed.Count];
        for (var j = 0; j < table.Observed.Count; j++)
        {
            if (!observations.TryGetValue(table.Observed[j], out var index))
            {
                var known = observations.Count == 0 ? "the model declares no 'observe' outputs" : "its observations are " + string.Join(", ", observations.Keys);
                throw new DataError(table.File, null, table.Observed[j], $"the model has no observation '{table.Observed[j]}'; {known}");
            }
            _outputIndex[j] = index;
            _logarithmic[j] = outputs.OutputKinds[index] == OdeOutputKind.LogNormalObservation;
        }
        OutputCount = outputs.OutputNames.Count;
        Count = table.ObservedValueCount;
        if (Count == 0)
            throw new DataError(table.File, null, null, "the table has no observed values: every observed cell is empty");
        CheckPositive(table);
        _weights = Weights(table, weights);
        _columnCounts = [.. Enumerable.Range(0, table.Observed.Count)
            .Select(j => table.Trajectories.Sum(t => Enumerable.Range(0, t.Times.Count).Count(i => !double.IsNaN(t.Value(i, j)))))];
    }

    private ObservationLoss(ObservationLoss loss, double[] weights)
    {
        (_outputIndex, _logarithmic, _columnCounts) = (loss._outputIndex, loss._logarithmic, loss._columnCounts);
        (OutputCount, Count, _weights) = (loss.OutputCount, loss.Count, weights);
    }

    /// <summary>How many model outputs there are (<c>m</c>, the width of the output rows this loss reads).</summary>
    public int OutputCount { get; }

    /// <summary><c>N</c>, the number of observed non-missing values: the loss is a sum of squares divided by <c>N</c>.</summary>
    public int Count { get; }

    /// <summary>
    /// One trajectory's share of the loss, given the model outputs at its data times (<c>[T, m]</c>);
    /// adds <c>∂L/∂outputs</c> to <paramref name="outputCotangent"/> (<c>[T, m]</c>).
    /// </summary>
    public double Accumulate(ObservedTrajectory trajectory, ReadOnlySpan<double> outputs, Span<double> outputCotangent)
    {
        var sum = 0.0;
        for (var i = 0; i < trajectory.Times.Count; i++)
            sum += AccumulateRow(trajectory, i, outputs.Slice(i * OutputCount, OutputCount),
                outputCotangent.Slice(i * OutputCount, OutputCount), 1.0 / Count, default, out _);
        return sum / Count;
    }

    /// <summary>
    /// This loss with column <c>j</c>'s weight set to <c>1/σ_j²</c>: the data term of the Gaussian negative
    /// log-likelihood with noise scales <paramref name="noiseScales"/> (<see cref="NoiseScales"/>).
    /// </summary>
    internal ObservationLoss WithNoiseScales(ReadOnlySpan<double> noiseScales)
    {
        var weights = new double[ColumnCount];
        for (var j = 0; j < weights.Length; j++) weights[j] = 1 / (noiseScales[j] * noiseScales[j]);
        return new ObservationLoss(this, weights);
    }

    /// <summary><c>N_j</c>, the number of non-missing values of observed column <paramref name="column"/> in the whole table.</summary>
    internal int ColumnValueCount(int column) => _columnCounts[column];

    /// <summary>The model output (index into an output row) that observed column <paramref name="column"/> is compared with.</summary>
    internal int OutputIndex(int column) => _outputIndex[column];

    /// <summary>How many observed columns the table has.</summary>
    internal int ColumnCount => _outputIndex.Length;

    /// <summary>
    /// <c>Σ w r²</c> over the observed values of one row of a trajectory, given the model outputs at its time (<c>[m]</c>);
    /// adds <c>scale · ∂(Σ w r²)/∂outputs</c> to <paramref name="outputCotangent"/> (<c>[m]</c>).
    /// </summary>
    /// <param name="columnSums">Empty, or per observed column the <c>w r²</c> to add to (<c>[ColumnCount]</c>).</param>
    /// <param name="observed">Whether the row has any observed value (if not, the cotangent is untouched).</param>
    internal double AccumulateRow(ObservedTrajectory trajectory, int row, ReadOnlySpan<double> outputs,
        Span<double> outputCotangent, double scale, Span<double> columnSums, out bool observed)
    {
        var sum = 0.0;
        observed = false;
        for (var j = 0; j < _outputIndex.Length; j++)
        {
            var data = trajectory.Value(row, j);
            if (double.IsNaN(data)) continue;
            var model = outputs[_outputIndex[j]];
            var residual = _logarithmic[j] ? Math.Log(model) - Math.Log(data) : model - data;
            var weighted = _weights[j] * residual * residual;
            sum += weighted;
            if (!columnSums.IsEmpty) columnSums[j] += weighted;
            // d(scale · w r²)/dy = 2 · scale · w r, with dr/dy = 1/y for logarithms.
            var slope = 2 * scale * _weights[j] * residual;
            outputCotangent[_outputIndex[j]] += _logarithmic[j] ? slope / model : slope;
            observed = true;
        }
        return sum;
    }

    private static double[] Weights(ObservationTable table, IReadOnlyDictionary<string, double>? weights)
    {
        var result = Enumerable.Repeat(1.0, table.Observed.Count).ToArray();
        foreach (var (name, weight) in weights ?? new Dictionary<string, double>())
        {
            var column = table.Observed.ToList().IndexOf(name);
            if (column < 0)
                throw new ArgumentException($"weight of '{name}': the table has no observed column '{name}'; its observed columns are {string.Join(", ", table.Observed)}");
            if (!(weight > 0 && double.IsFinite(weight)))
                throw new ArgumentException($"weight of '{name}': a weight must be positive and finite, but it is {weight}");
            result[column] = weight;
        }
        return result;
    }

    private void CheckPositive(ObservationTable table)
    {
        foreach (var trajectory in table.Trajectories)
        {
            for (var i = 0; i < trajectory.Times.Count; i++)
            {
                for (var j = 0; j < _outputIndex.Length; j++)
                {
                    var data = trajectory.Value(i, j);
                    if (_logarithmic[j] && data <= 0)
                    {
                        var which = trajectory.Id.Length == 0 ? "" : $" of trajectory '{trajectory.Id}'";
                        throw new DataError(table.File, null, table.Observed[j],
                            $"'{table.Observed[j]}' is a lognormal observation, so its data must be positive, but it is {data} at t = {trajectory.Times[i]}{which}; leave the cell empty or use '~ normal'");
                    }
                }
            }
        }
    }
}
