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
        // L-BFGS stops before the 60th iteration once no step lowers the loss, and says so.
        Assert.Matches(@"\(converged after \d+ iterations", output);
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

    [Fact]
    public void Lbfgs_resume_continues_a_checkpointed_fit_to_the_same_result()
    {
        var checkpoint = Path.Combine(_folder, "fit.checkpoint");
        string[] Arguments(int iterations) => ["fit", CliRunner.Model("decay_fit.ode"), "--data", Data(ExactDecay()), "--optimizer", "lbfgs",
            "--iterations", iterations.ToString(CultureInfo.InvariantCulture), "--lr", "0.5", "--rtol", "1e-10", "--atol", "1e-10"];
        var (_, straight, _) = CliRunner.Run(Arguments(12));
        CliRunner.Run([.. Arguments(5), "--checkpoint", checkpoint]);
        var (exitCode, resumed, error) = CliRunner.Run([.. Arguments(12), "--checkpoint", checkpoint, "--resume"]);
        Assert.True(exitCode == 0, error);
        Assert.Contains("iteration 6/12", resumed);
        Assert.Equal(Value(straight, "k"), Value(resumed, "k"));
        Assert.Equal(Value(straight, "y(0)"), Value(resumed, "y(0)"));
        Assert.Equal(Value(straight, "loss"), Value(resumed, "loss"));
    }

    [Fact]
    public void Weights_multiply_each_columns_share_of_the_loss()
    {
        // No iterations: the loss at the model's starting values, unweighted and with the one column weighted 4.
        string[] arguments = ["fit", CliRunner.Model("decay_fit.ode"), "--data", Data(ExactDecay()), "--iterations", "0"];
        var (plainCode, plain, plainError) = CliRunner.Run(arguments);
        var (exitCode, weighted, error) = CliRunner.Run([.. arguments, "--weights", "level=4"]);
        Assert.True(plainCode == 0, plainError);
        Assert.True(exitCode == 0, error);
        Assert.True(Value(plain, "loss") > 0.01);
        Assert.Equal(4 * Value(plain, "loss"), Value(weighted, "loss"), 1e-9);
    }

    /// <summary>
    /// 200 values of <c>2 exp(−t/2) + 0.05 ε</c>: the fitted σ must be within 4 standard errors (σ/√(2N) = 5 %) of
    /// 0.05, and within 2 % of the drawn noise's root mean square (fitting 2 parameters removes about 2/(2N) = 0.5 %).
    /// </summary>
    [Fact]
    public void Estimated_noise_scale_is_printed_and_written_beside_the_parameters()
    {
        var random = new Random(5);
        var noise = Enumerable.Range(0, 200)
            .Select(_ => 0.05 * Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble())).ToArray();
        var csv = "time,level\n" + string.Join("\n", noise.Select((e, i) =>
            string.Create(CultureInfo.InvariantCulture, $"{(i + 1) * 0.05},{2 * Math.Exp(-0.025 * (i + 1)) + e:R}")));
        var parameters = Path.Combine(_folder, "params.json");
        var (exitCode, output, error) = CliRunner.Run("fit", CliRunner.Model("decay_fit.ode"), "--data", Data(csv), "--estimate-noise",
            "--optimizer", "lbfgs", "--iterations", "100", "--lr", "0.5", "--rtol", "1e-10", "--atol", "1e-10", "-o", parameters);

        Assert.True(exitCode == 0, error);
        var sigma = Value(output, "sigma(level)");
        var drawn = Math.Sqrt(noise.Average(e => e * e));
        Assert.True(Math.Abs(sigma / 0.05 - 1) < 4 / Math.Sqrt(2 * 200), $"σ = {sigma}");
        Assert.True(Math.Abs(sigma / drawn - 1) < 0.02, $"σ = {sigma}, drawn noise rms {drawn}");
        Assert.Equal(0.5, Value(output, "k"), 0.05);
        using var json = JsonDocument.Parse(File.ReadAllText(parameters));
        Assert.Equal(sigma, json.RootElement.GetProperty("noise scales").GetProperty("level").GetDouble(), 1e-9);
        Assert.Equal(Value(output, "k"), json.RootElement.GetProperty("k").GetDouble(), 1e-9);
        var (simulateCode, _, simulateError) = CliRunner.Run("simulate", CliRunner.Model("decay_fit.ode"), "--params", parameters, "--saveat", "0,1");
        Assert.True(simulateCode == 0, simulateError);
    }

    [Fact]
    public void Weights_with_estimated_noise_are_refused()
    {
        var (exitCode, _, error) = CliRunner.Run("fit", CliRunner.Model("decay_fit.ode"), "--data", Data(ExactDecay()), "--iterations", "2",
            "--weights", "level=2", "--estimate-noise");
        Assert.Equal(2, exitCode);
        Assert.Contains("weights and estimated noise scales exclude each other", error);
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
    [InlineData("--weights", "level", "--weights 'level': write name=value with a number, e.g. --weights hare=1,lynx=2")]
    [InlineData("--weights", "level=1,level=2", "--weights: 'level' is given twice")]
    [InlineData("--weights", "height=2", "weight of 'height': the table has no observed column 'height'; its observed columns are level")]
    [InlineData("--weights", "level=0", "weight of 'level': a weight must be positive and finite, but it is 0")]
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
