namespace OdeDsl.Runtime.Data;

/// <summary>
/// The rows of one trajectory, sorted by strictly increasing time. <see cref="Values"/> is <c>[T, m]</c>
/// row-major over the table's observed quantities, with <see cref="double.NaN"/> for missing cells.
/// </summary>
public sealed class ObservedTrajectory
{
    private readonly double[][] _inputTimes;
    private readonly double[][] _inputValues;

    internal ObservedTrajectory(string id, double[] times, double[] values, int observedCount,
        double[][] inputTimes, double[][] inputValues)
    {
        Id = id;
        Times = times;
        Values = values;
        ObservedCount = observedCount;
        _inputTimes = inputTimes;
        _inputValues = inputValues;
    }

    /// <summary>
    /// A trajectory built in code (simulated or resampled data) with no inputs: <paramref name="values"/> is
    /// <c>[T, observedCount]</c> row-major with NaN for missing cells.
    /// </summary>
    /// <exception cref="ArgumentException">Times not finite or not strictly increasing, or a value count that is not <c>T·observedCount</c>.</exception>
    public ObservedTrajectory(string id, double[] times, double[] values, int observedCount)
        : this(id, [.. times], [.. values], observedCount, [], [])
    {
        if (observedCount < 1 || values.Length != times.Length * observedCount)
            throw new ArgumentException($"trajectory '{id}': {values.Length} values for {times.Length} times and {observedCount} quantities", nameof(values));
        for (var k = 0; k < times.Length; k++)
        {
            if (!double.IsFinite(times[k]))
                throw new ArgumentException($"trajectory '{id}': time {times[k]} at row {k} is not finite", nameof(times));
            if (k > 0 && !(times[k] > times[k - 1]))
                throw new ArgumentException($"trajectory '{id}': time {times[k]} at row {k} does not follow {times[k - 1]}", nameof(times));
        }
    }

    /// <summary>The trajectory id from the trajectory column (empty when the table has one trajectory).</summary>
    public string Id { get; }

    public IReadOnlyList<double> Times { get; }

    /// <summary><c>[T, m]</c> row-major; NaN marks a missing value.</summary>
    public IReadOnlyList<double> Values { get; }

    public int ObservedCount { get; }

    /// <summary>The value of observed quantity <paramref name="quantity"/> at row <paramref name="row"/> (NaN when missing).</summary>
    public double Value(int row, int quantity) => Values[row * ObservedCount + quantity];

    /// <summary>Whether input <paramref name="input"/> has a single value in this trajectory (e.g. a subject's dose).</summary>
    public bool IsConstantInput(int input) => _inputValues[input].Distinct().Count() == 1;

    /// <summary>
    /// Input <paramref name="input"/> at time <paramref name="t"/>: linear between the rows that give it, and
    /// held constant before the first and after the last such row.
    /// </summary>
    public double Input(int input, double t)
    {
        var times = _inputTimes[input];
        var values = _inputValues[input];
        if (t <= times[0]) return values[0];
        if (t >= times[^1]) return values[^1];
        var upper = Array.BinarySearch(times, t);
        if (upper >= 0) return values[upper];
        upper = ~upper;
        var weight = (t - times[upper - 1]) / (times[upper] - times[upper - 1]);
        return values[upper - 1] + weight * (values[upper] - values[upper - 1]);
    }

    /// <summary>
    /// <c>du/dt</c> of input <paramref name="input"/> at <paramref name="t"/>: the slope of the piece that starts at or
    /// before <paramref name="t"/> (right-sided at a row time, where <see cref="Input"/> has a kink), and 0 before the
    /// first and from the last row on, where the input is held constant.
    /// </summary>
    public double InputSlope(int input, double t)
    {
        var times = _inputTimes[input];
        var values = _inputValues[input];
        if (t < times[0] || t >= times[^1]) return 0;
        var upper = Array.BinarySearch(times, t);
        upper = upper >= 0 ? upper + 1 : ~upper;
        return (values[upper] - values[upper - 1]) / (times[upper] - times[upper - 1]);
    }
}
