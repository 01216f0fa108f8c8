using System.Diagnostics;
using System.Globalization;

namespace OdeDsl.Cli.Tests;

/// <summary>Runs <c>xppaut FILE -silent</c> in a fresh folder and reads the <c>output.dat</c> it writes.</summary>
internal static class Xppaut
{
    public static readonly string? Path = (Environment.GetEnvironmentVariable("PATH") ?? "")
        .Split(System.IO.Path.PathSeparator)
        .Select(folder => System.IO.Path.Combine(folder, "xppaut"))
        .FirstOrDefault(File.Exists);

    public static List<double[]> Run(string model)
    {
        var folder = CliRunner.TemporaryFolder();
        var copy = System.IO.Path.Combine(folder, System.IO.Path.GetFileName(model));
        File.Copy(model, copy);
        var start = new ProcessStartInfo(Path!, [copy, "-silent"])
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        process.StandardOutput.ReadToEnd();
        process.StandardError.ReadToEnd();
        Assert.True(process.WaitForExit(60_000), "xppaut did not finish within a minute");
        var output = System.IO.Path.Combine(folder, "output.dat");
        Assert.True(File.Exists(output), $"xppaut wrote no output.dat for {model} (a parse error there?)");
        return File.ReadAllLines(output)
            .Where(line => line.Trim().Length > 0)
            .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray())
            .ToList();
    }
}
