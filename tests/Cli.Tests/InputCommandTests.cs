using System.Globalization;
using System.Text.Json;

namespace OdeDsl.Cli.Tests;

/// <summary>
/// <c>input</c> quantities on the command line (Models/dosed_decay.ode, amount' = −k·amount from amount(0) = dose,
/// concentration = amount / volume): <c>simulate --input</c>, and <c>fit</c> / <c>gradient</c> reading the dose of
/// each subject from the column of the same name, against the closed form <c>dose / volume · e^{−k t}</c>.
/// </summary>
public sealed class InputCommandTests : IDisposable
{
    private static readonly (string Subject, double Dose, double[] Times)[] Subjects =
    [
        ("a", 2, [0.5, 1, 2, 4, 6]),
        ("b", 5, [0.25, 1.5, 3, 5]),
        ("c", 9, [1, 2, 3.5, 7]),
    ];

    private readonly string _folder = CliRunner.TemporaryFolder();

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static double Concentration(double dose, double k, double volume, double t) => dose / volume * Math.Exp(-k * t);

    /// <summary>Exact data at k = 0.5, volume = 3; the dose is repeated on every row of its subject.</summary>
    private string Data(bool withDose = true)
    {
        var path = Path.Combine(_folder, "subjects.csv");
        var rows = Subjects.SelectMany(s => s.Times.Select(t => string.Create(CultureInfo.InvariantCulture,
            $"{s.Subject},{t},{(withDose ? s.Dose.ToString(CultureInfo.InvariantCulture) + "," : "")}{Concentration(s.Dose, 0.5, 3, t):R}")));
        File.WriteAllText(path, (withDose ? "subject,t,dose,concentration\n" : "subject,t,concentration\n") + string.Join("\n", rows));
        return path;
    }

    private static double Value(string output, string name) =>
        double.Parse(output.Split('\n').Single(line => line.StartsWith(name + " = ", StringComparison.Ordinal))[(name.Length + 3)..].Split(' ')[0], CultureInfo.InvariantCulture);

    [Fact]
    public void Simulate_starts_from_the_given_input()
    {
        var (exitCode, output, error) = CliRunner.Run("simulate", CliRunner.Model("dosed_decay.ode"), "--input", "dose=4.02",
            "--method", "dop853", "--rtol", "1e-11", "--atol", "1e-11", "--saveat", "0,1,3");
        Assert.True(exitCode == 0, error);
        var rows = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Select(line => line.Split(',').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray()).ToList();
        Assert.Equal(3, rows.Count);
        foreach (var row in rows) Assert.Equal(4.02 * Math.Exp(-0.3 * row[0]), row[1], 1e-8);
    }

    [Theory]
    [InlineData(new string[0], "the model's input 'dose' needs a value: give it with --input dose=VALUE")]
    [InlineData(new[] { "--input", "weight=70" }, "--input weight: the model has no input named 'weight'; its inputs are dose")]
    [InlineData(new[] { "--input", "dose=4", "--set", "dose=5" }, "--set dose: 'dose' is an input of the model; give its value with --input dose=VALUE")]
    [InlineData(new[] { "--input", "dose" }, "--input 'dose': write name=value with a number, e.g. --input dose=4.02")]
    public void Simulate_input_mistakes_are_one_line_and_exit_code_2(string[] arguments, string message)
    {
        var (exitCode, _, error) = CliRunner.Run(["simulate", CliRunner.Model("dosed_decay.ode"), .. arguments]);
        Assert.Equal(2, exitCode);
        Assert.Contains(message, error);
    }

    [Fact]
    public void Fit_reads_each_subjects_dose_from_its_column_and_recovers_rate_and_volume()
    {
        var parameters = Path.Combine(_folder, "params.json");
        var (exitCode, output, error) = CliRunner.Run("fit", CliRunner.Model("dosed_decay.ode"), "--data", Data(), "--trajectory-column", "subject",
            "--optimizer", "lbfgs", "--iterations", "80", "--lr", "0.5", "--rtol", "1e-10", "--atol", "1e-10", "-o", parameters,
            "--plot", Path.Combine(_folder, "fit.png"));
        Assert.True(exitCode == 0, error);
        Assert.Equal(0.5, Value(output, "k"), 1e-6);
        Assert.Equal(3.0, Value(output, "volume"), 1e-5);
        Assert.DoesNotContain("dose =", output);
        var json = JsonSerializer.Deserialize<Dictionary<string, double>>(File.ReadAllText(parameters))!;
        Assert.False(json.ContainsKey("dose"), "an input is data, not a fitted parameter");
    }

    [Fact]
    public void Fit_without_the_input_column_names_the_columns_there_are()
    {
        var (exitCode, _, error) = CliRunner.Run("fit", CliRunner.Model("dosed_decay.ode"), "--data", Data(withDose: false), "--trajectory-column", "subject", "--iterations", "2");
        Assert.Equal(2, exitCode);
        Assert.Contains("there is no column 'dose' for input 'dose'; the columns are 'subject', 't', 'concentration'", error);
    }

    [Fact]
    public void Gradient_matches_the_closed_form_derivative_with_doses_from_the_data()
    {
        var (exitCode, output, error) = CliRunner.Run("gradient", CliRunner.Model("dosed_decay.ode"), "--data", Data(), "--trajectory-column", "subject",
            "--rtol", "1e-11", "--atol", "1e-11");
        Assert.True(exitCode == 0, error);
        // At the model's values k = 0.3, volume = 2: L = mean (c − y)², dc/dk = −t c, dc/dvolume = −c / volume.
        double loss = 0, dk = 0, dvolume = 0;
        var count = Subjects.Sum(s => s.Times.Length);
        foreach (var (_, dose, times) in Subjects)
        {
            foreach (var t in times)
            {
                var c = Concentration(dose, 0.3, 2, t);
                var residual = c - Concentration(dose, 0.5, 3, t);
                loss += residual * residual / count;
                dk += 2 * residual * (-t * c) / count;
                dvolume += 2 * residual * (-c / 2) / count;
            }
        }
        Assert.Equal(loss, Value(output, "loss"), 1e-8);
        Assert.Equal(dk, Value(output, "d loss / d k"), 1e-7);
        Assert.Equal(dvolume, Value(output, "d loss / d volume"), 1e-7);
        Assert.DoesNotContain("d loss / d dose", output);
    }
}
