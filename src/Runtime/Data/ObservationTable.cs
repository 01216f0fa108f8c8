namespace OdeDsl.Runtime.Data;

/// <summary>Observations read from one file: one or more trajectories over the same observed quantities and inputs.</summary>
public sealed record ObservationTable(
    string File,
    IReadOnlyList<string> Observed,
    IReadOnlyList<string> Inputs,
    IReadOnlyList<ObservedTrajectory> Trajectories)
{
    /// <summary>How many non-missing observed values the table holds: the denominator of the mean loss.</summary>
    public int ObservedValueCount => Trajectories.Sum(t => t.Values.Count(v => !double.IsNaN(v)));
}
