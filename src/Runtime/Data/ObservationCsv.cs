using System.Globalization;
using CsvHelper;

namespace OdeDsl.Runtime.Data;

/// <summary>
/// Reads an <see cref="ObservationTable"/> from CSV (CsvHelper, invariant culture, a header row).
/// Empty cells are missing values; columns that no option names are ignored, so tables may carry
/// covariates the model does not use. Every problem is a <see cref="DataError"/> naming file, row and column.
/// </summary>
public static class ObservationCsv
{
    private static readonly string[] DefaultTimeColumns = ["t", "time"];

    /// <exception cref="DataError">The file cannot be read or used; the message says where and why.</exception>
    public static ObservationTable Read(string path, ObservationTableOptions options)
    {
        TextReader reader;
        try
        {
            reader = new StreamReader(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new DataError(path, null, null, exception switch
            {
                FileNotFoundException => "no such file",
                DirectoryNotFoundException => "no such directory",
                UnauthorizedAccessException => "permission denied",
                _ => exception.Message,
            });
        }
        using (reader) return Read(reader, path, options);
    }

    /// <summary>Reads CSV text; <paramref name="file"/> is the name messages use.</summary>
    public static ObservationTable Read(TextReader reader, string file, ObservationTableOptions options)
    {
        var csvOptions = new CsvReaderOptions
        {
            HasHeader = true,
            TrimWhitespace = true,
            TrackLineNumbers = true,
            SkipEmptyLines = true,
            FieldCountMismatch = CsvFieldCountHandling.Allow,
            FormatProvider = CultureInfo.InvariantCulture,
        };
        using var csv = CsvReader.Create(reader, csvOptions, leaveOpen: true);
        var hasRow = csv.Read();
        var header = csv.Headers?.ToArray() ?? [];
        if (header.All(string.IsNullOrWhiteSpace))
            throw new DataError(file, null, null, "the file is empty; it needs a header row with a time column and one column per observed quantity");

        var columns = new ColumnLayout(file, header, options);
        var rows = new Dictionary<string, List<Row>>(StringComparer.Ordinal);
        var order = new List<string>();
        for (; hasRow; hasRow = csv.Read())
        {
            var rowNumber = (int)csv.LineNumber;
            var record = Enumerable.Range(0, csv.FieldCount).Select(csv.GetString).ToArray();
            if (record.All(string.IsNullOrWhiteSpace)) continue;
            string Cell(int index) => index < record.Length ? record[index] : "";
            double Number(int index, bool required)
            {
                var text = Cell(index);
                if (text.Length == 0)
                {
                    if (required) throw new DataError(file, rowNumber, header[index], "the cell is empty, but every row needs a value here");
                    return double.NaN;
                }
                if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
                    throw new DataError(file, rowNumber, header[index], $"'{text}' is not a number; write numbers such as 1.5 or 2e-3, and leave missing values empty");
                return value;
            }

            var id = columns.Trajectory is { } trajectoryColumn ? Cell(trajectoryColumn) : "";
            if (columns.Trajectory is not null && id.Length == 0)
                throw new DataError(file, rowNumber, header[columns.Trajectory.Value], "the trajectory id is empty");
            var time = Number(columns.Time, required: true);
            if (options.ModelStart is { } start && time < start)
                throw new DataError(file, rowNumber, header[columns.Time], $"time {Format(time)} is before the model's start t0 = {Format(start)}");
            if (!rows.TryGetValue(id, out var trajectoryRows))
            {
                rows[id] = trajectoryRows = [];
                order.Add(id);
            }
            if (trajectoryRows.Count > 0 && time <= trajectoryRows[^1].Time)
            {
                var previous = trajectoryRows[^1];
                var which = id.Length == 0 ? "" : $" in trajectory '{id}'";
                throw new DataError(file, rowNumber, header[columns.Time], time == previous.Time
                    ? $"time {Format(time)} repeats row {previous.Number}{which}; each time may appear once per trajectory"
                    : $"time {Format(time)} comes after {Format(previous.Time)} (row {previous.Number}){which}; sort the rows by time");
            }
            trajectoryRows.Add(new Row(rowNumber, time,
                [.. columns.Observed.Select(c => Number(c, required: false))],
                [.. columns.Inputs.Select(c => Number(c, required: false))]));
        }
        if (order.Count == 0)
            throw new DataError(file, null, null, "the file has a header but no data rows");

        var trajectories = order.Select(id => Build(file, id, rows[id], options, columns, header)).ToList();
        return new ObservationTable(file, options.Observed, options.Inputs, trajectories);
    }

    private static ObservedTrajectory Build(string file, string id, List<Row> rows, ObservationTableOptions options,
        ColumnLayout columns, string[] header)
    {
        var inputTimes = new double[options.Inputs.Count][];
        var inputValues = new double[options.Inputs.Count][];
        for (var k = 0; k < options.Inputs.Count; k++)
        {
            var given = rows.Where(r => !double.IsNaN(r.Inputs[k])).ToList();
            if (given.Count == 0)
            {
                var which = id.Length == 0 ? "" : $" for trajectory '{id}'";
                throw new DataError(file, null, header[columns.Inputs[k]],
                    $"input '{options.Inputs[k]}' has no value{which}; give it in at least one row");
            }
            inputTimes[k] = [.. given.Select(r => r.Time)];
            inputValues[k] = [.. given.Select(r => r.Inputs[k])];
        }
        return new ObservedTrajectory(id, [.. rows.Select(r => r.Time)], [.. rows.SelectMany(r => r.Observed)],
            options.Observed.Count, inputTimes, inputValues);
    }

    private static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private sealed record Row(int Number, double Time, double[] Observed, double[] Inputs);

    /// <summary>Where each column the options need sits in the header.</summary>
    private sealed class ColumnLayout
    {
        public ColumnLayout(string file, string[] header, ObservationTableOptions options)
        {
            var existing = string.Join(", ", header.Select(h => $"'{h}'"));
            int Find(string column, string purpose)
            {
                var index = Array.IndexOf(header, column);
                return index >= 0
                    ? index
                    : throw new DataError(file, null, null, $"there is no column '{column}' for {purpose}; the columns are {existing}");
            }

            if (options.TimeColumn is { } timeColumn)
            {
                Time = Find(timeColumn, "time");
            }
            else
            {
                Time = Array.FindIndex(header, h => DefaultTimeColumns.Contains(h, StringComparer.OrdinalIgnoreCase));
                if (Time < 0)
                    throw new DataError(file, null, null, $"there is no time column (looked for 't' or 'time'); name it with --time-column; the columns are {existing}");
            }
            Trajectory = options.TrajectoryColumn is { } trajectoryColumn ? Find(trajectoryColumn, "trajectory ids") : null;
            Observed = [.. options.Observed.Select(name => Find(options.ColumnFor(name), $"observe '{name}'"))];
            Inputs = [.. options.Inputs.Select(name => Find(options.ColumnFor(name), $"input '{name}'"))];
        }

        public int Time { get; }

        public int? Trajectory { get; }

        public int[] Observed { get; }

        public int[] Inputs { get; }
    }
}
