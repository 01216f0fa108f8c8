namespace OdeDsl.Runtime.Data;

/// <summary>
/// A data file that cannot be used as observations: the message names the file and, where it applies,
/// the row (1-based, the header is row 1) and the column, and says how to fix it.
/// </summary>
public sealed class DataError : Exception
{
    public DataError(string file, int? row, string? column, string problem)
        : base(Format(file, row, column, problem))
    {
        File = file;
        Row = row;
        Column = column;
        Problem = problem;
    }

    public string File { get; }

    /// <summary>The row in the file (the header is row 1), or null for problems with the whole file.</summary>
    public int? Row { get; }

    public string? Column { get; }

    /// <summary>The message without the file, row and column.</summary>
    public string Problem { get; }

    private static string Format(string file, int? row, string? column, string problem)
    {
        var place = (row, column) switch
        {
            (not null, not null) => $", row {row}, column '{column}'",
            (not null, null) => $", row {row}",
            (null, not null) => $", column '{column}'",
            _ => "",
        };
        return $"{file}{place}: {problem}";
    }
}
