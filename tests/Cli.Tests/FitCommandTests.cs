using System.Globalization;
using System.Text.Json;

namespace OdeDsl.Cli.Tests;

/// <summary>
/// <c>odedsl fit</c> on exponential decay (Models/decay_fit.ode) against exact data <c>2 exp(−t/2)</c>: the fitted
/// values, the parameters file and the plot; and every kind of bad input as one message and exit code 2.
/// </summary>
public sealed class FitCommandTests : IDisposable
{
    private readonly string _folder = CliRunner.TemporaryFolder();

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Data(string text)
    {
        var path = Path.Combine(_folder, "data.csv");
        File.WriteAllText(path, text);
        return path;
    }

    private static string ExactDecay() =>
        "time,level,weight\n" + string.Join("\n", Enumerable.Range(1, 12).Select(i =>
            string.Create(CultureInfo.InvariantCulture, $"{i * 0.5},{2 * Math.Exp(-0.25 * i):R},70")));

    private static double Value(string output, string name) =>
        double.Parse(output.Split('\n').Single(line => line.StartsWith(name + " = ", StringComparison.Ordinal))[(name.Length + 3)..], CultureInfo.InvariantCulture);

    [Fact]
    public void Fit_recovers_rate_and_initial_level_and_writes_parameters_and_plot()
    {
        var parameters = Path.Combine(_folder, "params.json");
        var plot = Path.Combine(_folder, "fit.png");
        var (exitCode, output, error) = CliRunner.Run("fit", CliRunner.Model("decay_fit.ode"), "--data", Data(ExactDecay()),
            "--optimizer", "lbfgs", "--iterations", "60", "--lr", "0.5", "--rtol", "1e-10", "--atol", "1e-10", "-o", parameters, "--plot", plot);

        Assert.True(exitCode == 0, error);
        Assert.Equal(0.5, Value(output, "k"), 1e-6);
        Assert.Equal(2.0, Value(output, "y(0)"), 1e-6);
        Assert.True(Value(output, "loss") < 1e-12);
        Assert.Contains("iteration 60/60", output);
        var json = JsonSerializer.Deserialize<Dictionary<string, double>>(File.ReadAllText(parameters))!;
        Assert.Equal(0.5, json["k"], 1e-6);
        Assert.Equal(0.0, json["c"]);
        Assert.True(new FileInfo(plot).Length > 1000);
    }

    [Fact]
    public void Parameters_file_round_trips_into_simulate()
    {
        var parameters = Path.Combine(_folder, "params.json");
        var (fitCode, _, fitError) = CliRunner.Run("fit", CliRunner.Model("decay_fit.ode"), "--data", Data(ExactDecay()),
            "--optimizer", "lbfgs", "--iterations", "60", "--lr", "0.5", "--rtol", "1e-10", "--atol", "1e-10", "-o", parameters);
        Assert.True(fitCode == 0, fitError);

        var (exitCode, output, error) = CliRunner.Run("simulate", CliRunner.Model("decay_fit.ode"), "--params", parameters,
            "--method", "dop853", "--rtol", "1e-10", "--atol", "1e-10", "--saveat", "0,1,3");
        Assert.True(exitCode == 0, error);
        var rows = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Select(line => line.Split(',').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray()).ToList();
        foreach (var row in rows) Assert.Equal(2 * Math.Exp(-0.5 * row[0]), row[1], 1e-5);
    }

    [Fact]
    public void Freed_par_is_fitted_too()
    {
        // With c freed the data (c = 0) still pin it down: k, y(0) and c are all recovered.
        var (exitCode, output, error) = CliRunner.Run("fit", CliRunner.Model("decay_fit.ode"), "--data", Data(ExactDecay()),
            "--optimizer", "lbfgs", "--iterations", "150", "--lr", "0.5", "--rtol", "1e-10", "--atol", "1e-10", "--free", "c");
        Assert.True(exitCode == 0, error);
        Assert.Equal(0.0, Value(output, "c"), 1e-4);
        Assert.Equal(0.5, Value(output, "k"), 1e-4);
    }

    [Fact]
    public void Resume_continues_a_checkpointed_fit_to_the_same_result()
    {
        var checkpoint = Path.Combine(_folder, "fit.checkpoint");
        string[] Arguments(int iterations) => ["fit", CliRunner.Model("decay_fit.ode"), "--data", Data(ExactDecay()), "--iterations", iterations.ToString(CultureInfo.InvariantCulture), "--lr", "0.1"];
        var (_, straight, _) = CliRunner.Run(Arguments(20));
        CliRunner.Run([.. Arguments(8), "--checkpoint", checkpoint]);
        var (exitCode, resumed, error) = CliRunner.Run([.. Arguments(20), "--checkpoint", checkpoint, "--resume"]);
        Assert.True(exitCode == 0, error);
        Assert.Equal(Value(straight, "k"), Value(resumed, "k"));
        Assert.Equal(Value(straight, "loss"), Value(resumed, "loss"));
    }

    [Theory]
    [InlineData("time,level\n1,0.5\n0.5,0.7\n", "row 3, column 'time': time 0.5 comes after 1 (row 2); sort the rows by time")]
    [InlineData("time,level\n0.5,0.5\n0.5,0.7\n", "time 0.5 repeats row 2")]
    [InlineData("when,level\n0.5,0.5\n", "there is no time column")]
    [InlineData("time,height\n0.5,0.5\n", "there is no column 'level' for observe 'level'; the columns are 'time', 'height'")]
    [InlineData("time,level\n0.5,abc\n", "row 2, column 'level': 'abc' is not a number")]
    [InlineData("time,level\n-1,0.5\n", "time -1 is before the model's start t0 = 0")]
    public void Bad_data_files_give_their_message_and_exit_code_2(string csv, string message)
    {
        var (exitCode, _, error) = CliRunner.Run("fit", CliRunner.Model("decay_fit.ode"), "--data", Data(csv), "--iterations", "2");
        Assert.Equal(2, exitCode);
        Assert.Contains(message, error);
        Assert.DoesNotContain("   at ", error);
    }

    [Theory]
    [InlineData("--optimizer", "sgd", "--optimizer 'sgd': use adam or lbfgs")]
    [InlineData("--gradient", "magic", "--gradient 'magic': use adjoint, checkpoint or discrete")]
    [InlineData("--free", "nope", "--free nope: the model has no parameter 'nope'; its parameters are c")]
    [InlineData("--resume", null, "--resume needs --checkpoint FILE")]
    [InlineData("--minibatch-window", "4", "minibatches need both the number of windows and their length")]
    [InlineData("--minibatch-window", "40", "minibatches need both")]
    public void Bad_options_give_their_message_and_exit_code_2(string option, string? value, string message)
    {
        string[] arguments = ["fit", CliRunner.Model("decay_fit.ode"), "--data", Data(ExactDecay()), "--iterations", "2", option];
        var (exitCode, _, error) = CliRunner.Run(value is null ? arguments : [.. arguments, value]);
        Assert.Equal(2, exitCode);
        Assert.Contains(message, error);
    }

    [Fact]
    public void Window_longer_than_the_data_is_refused()
    {
        var (exitCode, _, error) = CliRunner.Run("fit", CliRunner.Model("decay_fit.ode"), "--data", Data(ExactDecay()),
            "--minibatch-window", "40", "--batch", "3");
        Assert.Equal(2, exitCode);
        Assert.Contains("no trajectory has the 40 rows a time window needs", error);
    }

    [Fact]
    public void Model_without_observations_is_a_model_error()
    {
        var (exitCode, _, error) = CliRunner.Run("fit", CliRunner.Model("exponential_decay.ode"), "--data", Data(ExactDecay()));
        Assert.Equal(1, exitCode);
        Assert.Contains("has no 'observe' outputs", error);
    }
}
