using System.Globalization;
using OdeDsl.Cli.Compilation;
using OdeDsl.Cli.Gradients;
using OdeDsl.Generator.Emit;
using OdeDsl.Generator.Model;
using OdeDsl.Generator.Specification;
using OdeDsl.Runtime.Data;
using OdeDsl.Runtime.Fitting;
using OdeDsl.Runtime.Solvers;
using OdeDsl.Runtime.Systems;

namespace OdeDsl.Cli.Tests;

/// <summary>
/// <c>odedsl gradient</c>: printed derivatives against central finite differences of the loss from the runtime's
/// forward path (independent solves at tight tolerances, no gradient code), and the messages for bad input.
/// </summary>
public sealed class GradientCommandTests
{
    private const string Data = """
        t,prey,predator,id,weight
        0.5,12.1,4.4,a,70
        1.3,,3.9,a,70
        2.0,16.0,,a,71
        3.7,9.5,6.2,a,72
        0.8,11.0,4.0,b,60
        2.9,13.0,5.5,b,60
        """;

    private static string WriteData(string text)
    {
        var path = Path.Combine(CliRunner.TemporaryFolder(), "data.csv");
        File.WriteAllText(path, text.Replace("\r\n", "\n"));
        return path;
    }

    private static Dictionary<string, double> Printed(string output) =>
        output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Where(line => line.Contains(" = "))
            .Select(line => line.Split(" = "))
            .ToDictionary(parts => parts[0], parts => double.Parse(parts[1].Split(' ')[0], CultureInfo.InvariantCulture));

    /// <summary>The loss from the runtime's forward path, for the model's default θ with one entry changed.</summary>
    private static Func<string, double, double> ForwardLoss(string modelPath, string dataPath, string? trajectoryColumn)
    {
        var spec = ModelCompiler.Compile(new ModelFile(modelPath, File.ReadAllText(modelPath))).Spec!;
        var (compiled, _) = SystemCompiler.Compile(SystemEmitter.Emit(spec, TypeTarget.ForModelFile("OdeDsl.Check", spec.Name)).Text, "OdeDsl.Check." + spec.Name);
        var system = new ObservedSystem(compiled!, (IOdeOutputs)compiled!);
        var observed = system.OutputNames.Where((_, i) => system.OutputKinds[i] != OdeOutputKind.Aux).ToList();
        var table = ObservationCsv.Read(dataPath, new ObservationTableOptions { Observed = observed, TrajectoryColumn = trajectoryColumn });
        var loss = new ObservationLoss(system, table);
        var options = new SolveOptions { Rtol = 1e-12, Atol = 1e-12, MaxSteps = 10_000_000 };
        return (name, delta) =>
        {
            var parameters = new double[compiled!.ParameterCount];
            system.GetDefaultParameters(parameters);
            var index = system.ParameterNames.ToList().IndexOf(name);
            Assert.True(index >= 0, $"no parameter {name}");
            parameters[index] += delta;
            return FittingObjective.Loss(system, table, loss, parameters, options);
        };
    }

    [Theory]
    [InlineData("adjoint")]
    [InlineData("checkpoint")]
    [InlineData("discrete")]
    public void Prints_the_loss_and_derivatives_that_match_finite_differences(string method)
    {
        var model = CliRunner.Model("lotka_volterra_fit.ode");
        var data = WriteData(Data);
        var (exitCode, output, error) = CliRunner.Run("gradient", model, "--data", data, "--trajectory-column", "id",
            "--gradient", method, "--rtol", "1e-11", "--atol", "1e-11");

        Assert.True(exitCode == ExitCodes.Success, error);
        Assert.StartsWith("loss = ", output);
        var printed = Printed(output);
        Assert.Equal(["loss", "d loss / d alpha", "d loss / d delta", "d loss / d y(0)"], printed.Keys);
        var loss = ForwardLoss(model, data, "id");
        Assert.Equal(loss("alpha", 0), printed["loss"], 1e-9 * printed["loss"]);
        foreach (var name in new[] { "alpha", "delta", "y(0)" })
        {
            const double step = 1e-6;
            var difference = (loss(name, step) - loss(name, -step)) / (2 * step);
            var derivative = printed["d loss / d " + name];
            Assert.True(Math.Abs(derivative - difference) <= 1e-6 * Math.Abs(difference),
                $"{method}: d loss / d {name} = {derivative}, finite difference {difference}");
        }
    }

    [Fact]
    public void Summarises_net_weights_by_their_norm()
    {
        var data = WriteData("time,u\n0.5,1.8\n1,1.5\n");
        var (exitCode, output, error) = CliRunner.Run("gradient", CliRunner.Model("spiral_net.ode"), "--data", data);

        Assert.True(exitCode == ExitCodes.Success, error);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("d loss / d scale = ", lines[1]);
        Assert.Matches(@"^\|d loss / d f\| = [0-9.e+-]+ \(norm over its 22 weights and biases\)$", lines[2]);
    }

    [Fact]
    public void A_non_numeric_cell_names_file_row_and_column_with_exit_code_2()
    {
        var data = WriteData("t,prey,predator\n0.5,12,4\n1,twelve,4\n");
        var (exitCode, output, error) = CliRunner.Run("gradient", CliRunner.Model("lotka_volterra_fit.ode"), "--data", data);

        Assert.Equal(ExitCodes.UsageError, exitCode);
        Assert.Equal("", output);
        Assert.Equal($"odedsl: {data}, row 3, column 'prey': 'twelve' is not a number; write numbers such as 1.5 or 2e-3, and leave missing values empty\n",
            error.Replace("\r\n", "\n"));
    }

    [Fact]
    public void A_missing_observation_column_lists_the_columns_that_exist()
    {
        var data = WriteData("t,prey,Lynx\n0.5,12,4\n");
        var (exitCode, _, error) = CliRunner.Run("gradient", CliRunner.Model("lotka_volterra_fit.ode"), "--data", data);

        Assert.Equal(ExitCodes.UsageError, exitCode);
        Assert.Contains($"{data}: there is no column 'predator' for observe 'predator'; the columns are 't', 'prey', 'Lynx'", error);
    }

    [Fact]
    public void Unsorted_times_and_a_missing_time_column_are_reported()
    {
        var unsorted = WriteData("t,prey,predator\n1,12,4\n0.5,12,4\n");
        var (exitCode, _, error) = CliRunner.Run("gradient", CliRunner.Model("lotka_volterra_fit.ode"), "--data", unsorted);
        Assert.Equal(ExitCodes.UsageError, exitCode);
        Assert.Contains("row 3, column 't': time 0.5 comes after 1 (row 2); sort the rows by time", error);

        var noTime = WriteData("Year,prey,predator\n1,12,4\n");
        (exitCode, _, error) = CliRunner.Run("gradient", CliRunner.Model("lotka_volterra_fit.ode"), "--data", noTime);
        Assert.Equal(ExitCodes.UsageError, exitCode);
        Assert.Contains("there is no time column (looked for 't' or 'time'); name it with --time-column", error);

        (exitCode, var output, error) = CliRunner.Run("gradient", CliRunner.Model("lotka_volterra_fit.ode"), "--data", noTime, "--time-column", "Year");
        Assert.True(exitCode == ExitCodes.Success, error);
        Assert.StartsWith("loss = ", output);
    }

    [Fact]
    public void Times_before_the_model_start_are_rejected()
    {
        var data = WriteData("t,prey,predator\n-1,12,4\n");
        var (exitCode, _, error) = CliRunner.Run("gradient", CliRunner.Model("lotka_volterra_fit.ode"), "--data", data);
        Assert.Equal(ExitCodes.UsageError, exitCode);
        Assert.Contains("row 2, column 't': time -1 is before the model's start t0 = 0", error);
    }

    [Fact]
    public void Bad_arguments_and_models_without_observations_give_their_exit_codes()
    {
        var data = WriteData("t,prey,predator\n1,12,4\n");
        var (exitCode, _, error) = CliRunner.Run("gradient", CliRunner.Model("lotka_volterra_fit.ode"), "--data", data, "--gradient", "magic");
        Assert.Equal(ExitCodes.UsageError, exitCode);
        Assert.Equal("odedsl: --gradient 'magic': use adjoint, checkpoint or discrete", error.Trim());

        (exitCode, _, _) = CliRunner.Run("gradient", CliRunner.Model("lotka_volterra_fit.ode"));
        Assert.Equal(ExitCodes.UsageError, exitCode);

        (exitCode, _, error) = CliRunner.Run("gradient", CliRunner.Model("lotka_volterra.ode"), "--data", data);
        Assert.Equal(ExitCodes.ModelOrSolveError, exitCode);
        Assert.Contains("the model has no 'observe' outputs to compare with data", error);

        (exitCode, _, error) = CliRunner.Run("gradient", CliRunner.Model("lotka_volterra_fit.ode"), "--data", data + ".missing");
        Assert.Equal(ExitCodes.UsageError, exitCode);
        Assert.Equal($"odedsl: {data}.missing: no such file", error.Trim());
    }
}
