using System.Globalization;
using Xunit.Abstractions;

namespace OdeDsl.Cli.Tests;

/// <summary>
/// <c>odedsl simulate</c> against XPPAUT 6.11b itself on XPPAUT-style files: same defaults, same
/// method, same save times. XPPAUT writes float32 with 8 digits, so agreement is to that precision
/// for fixed-step methods; for adaptive methods both solve to the file's tolerance.
/// </summary>
public sealed class XppautComparisonTests(ITestOutputHelper output)
{
    [XppautTheory]
    [InlineData("lotka_volterra.ode", 1e-6)]
    [InlineData("van_der_pol.ode", 1e-6)]
    [InlineData("fitzhugh_nagumo.ode", 1e-6)]
    [InlineData("pendulum.ode", 1e-6)]
    [InlineData("lorenz.ode", 1e-6)]
    public void Simulate_agrees_with_xppaut(string file, double tolerance)
    {
        var model = Path.Combine(AppContext.BaseDirectory, "Xppaut", file);
        var expected = Xppaut.Run(model);
        var (exitCode, csv, error) = CliRunner.Run("simulate", model);
        Assert.True(exitCode == 0, error);
        var actual = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Select(line => line.Split(',').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray())
            .ToList();

        Assert.Equal(expected.Count, actual.Count);
        Assert.Equal(expected[0].Length, actual[0].Length);
        var maxDifference = 0.0;
        var worst = "";
        for (var row = 0; row < expected.Count; row++)
        {
            for (var column = 0; column < expected[row].Length; column++)
            {
                var difference = Math.Abs(expected[row][column] - actual[row][column]) / Math.Max(1, Math.Abs(expected[row][column]));
                if (difference > maxDifference)
                {
                    maxDifference = difference;
                    worst = $"row {row} (t={expected[row][0]}), column {column}: xppaut {expected[row][column]}, odedsl {actual[row][column]}";
                }
            }
        }
        output.WriteLine($"{file}: {expected.Count} rows × {expected[0].Length} columns, max relative difference {maxDifference:E2} at {worst}");
        Assert.True(maxDifference <= tolerance, $"{file}: max relative difference {maxDifference:E2} at {worst}");
    }
}
