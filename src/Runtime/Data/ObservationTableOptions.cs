namespace OdeDsl.Runtime.Data;

/// <summary>How to read an observation table: which columns hold time, trajectory ids, observations and inputs.</summary>
public sealed record ObservationTableOptions
{
    /// <summary>The observed quantities (the model's <c>observe</c> names), in the order values are stored.</summary>
    public IReadOnlyList<string> Observed { get; init; } = [];

    /// <summary>The model's <c>input</c> names, in the order values are stored.</summary>
    public IReadOnlyList<string> Inputs { get; init; } = [];

    /// <summary>The time column; <c>null</c> means a column called <c>t</c> or <c>time</c> (any case).</summary>
    public string? TimeColumn { get; init; }

    /// <summary>The column that says which trajectory a row belongs to; <c>null</c> means one trajectory.</summary>
    public string? TrajectoryColumn { get; init; }

    /// <summary>Column names for observed or input quantities whose column is named differently (quantity → column).</summary>
    public IReadOnlyDictionary<string, string> ColumnMap { get; init; } = new Dictionary<string, string>();

    /// <summary>The model's start time; earlier data times are an error. <c>null</c> checks nothing.</summary>
    public double? ModelStart { get; init; }

    internal string ColumnFor(string quantity) => ColumnMap.TryGetValue(quantity, out var column) ? column : quantity;
}
