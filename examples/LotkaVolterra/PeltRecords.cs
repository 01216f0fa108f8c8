using System.Globalization;

namespace OdeDsl.Examples.LotkaVolterra;

/// <summary>One year of the Hudson Bay Company's pelt records, in thousands of pelts.</summary>
public sealed record PeltRecord(int Year, double Lynx, double Hare);

/// <summary>Reads <c>hudson-bay-lynx-hare.csv</c> (columns <c>Year, Lynx, Hare</c>).</summary>
public static class PeltRecords
{
    public static IReadOnlyList<PeltRecord> Load(string path) =>
        [.. File.ReadLines(path).Skip(1).Where(line => line.Length > 0).Select(Parse)];

    private static PeltRecord Parse(string line)
    {
        var fields = line.Split(',');
        return new PeltRecord(
            int.Parse(fields[0], CultureInfo.InvariantCulture),
            double.Parse(fields[1], CultureInfo.InvariantCulture),
            double.Parse(fields[2], CultureInfo.InvariantCulture));
    }
}
