using System.CommandLine;
using System.Globalization;
using OdeDsl.Cli.Gradients;
using OdeDsl.Runtime.Data;
using OdeDsl.Runtime.Fitting;
using OdeDsl.Runtime.Gradients;
using OdeDsl.Runtime.Solvers;

namespace OdeDsl.Cli.Commands;

/// <summary>
/// <c>odedsl gradient FILE --data CSV [--time-column NAME] [--trajectory-column NAME]
/// [--gradient adjoint|checkpoint|discrete] [--rtol R] [--atol A]</c>: the fitting loss of the model's
/// <c>observe</c> outputs against the data (docs/fitting.md) and its gradient with respect to every trainable
/// quantity, at the model's current values.
/// </summary>
internal static class GradientCommand
{
    private const string GeneratedNamespace = "OdeDsl.Gradient";
    private const double DefaultTolerance = 1e-8;

    public static Command Create(TextWriter output, TextWriter error)
    {
        var file = new Argument<string>("file") { Description = "The .ode file." };
        var data = new Option<string>("--data") { Description = "CSV file with a time column, one column per observe output and one per input.", Required = true };
        var timeColumn = new Option<string?>("--time-column") { Description = "The time column (default: t or time)." };
        var trajectoryColumn = new Option<string?>("--trajectory-column") { Description = "Column of trajectory ids, for several trajectories in one file." };
        var method = new Option<string>("--gradient") { Description = "adjoint, checkpoint or discrete (default: adjoint).", DefaultValueFactory = _ => "adjoint" };
        var rtol = new Option<double?>("--rtol") { Description = $"Relative tolerance of the solves (default: {DefaultTolerance})." };
        var atol = new Option<double?>("--atol") { Description = $"Absolute tolerance of the solves (default: {DefaultTolerance})." };
        var command = new Command("gradient", "Print the fitting loss against data and its gradient for every trainable quantity.")
        {
            file, data, timeColumn, trajectoryColumn, method, rtol, atol,
        };
        command.SetAction(parsed =>
        {
            var methodName = parsed.GetValue(method)!;
            if (!TryParseMethod(methodName, out var gradientMethod))
            {
                error.WriteLine($"odedsl: --gradient '{methodName}': use adjoint, checkpoint or discrete");
                return ExitCodes.UsageError;
            }
            var tolerances = (parsed.GetValue(rtol) ?? DefaultTolerance, parsed.GetValue(atol) ?? DefaultTolerance);
            if (!(tolerances.Item1 > 0) || !(tolerances.Item2 > 0))
            {
                error.WriteLine("odedsl: --rtol and --atol must be positive");
                return ExitCodes.UsageError;
            }
            var table = new ObservationTableOptions { TimeColumn = parsed.GetValue(timeColumn), TrajectoryColumn = parsed.GetValue(trajectoryColumn) };
            return Run(parsed.GetValue(file)!, parsed.GetValue(data)!, table, gradientMethod, tolerances, output, error);
        });
        return command;
    }

    private static int Run(string path, string dataPath, ObservationTableOptions tableOptions, GradientMethod method,
        (double Rtol, double Atol) tolerances, TextWriter output, TextWriter error)
    {
        if (ObservedModel.Load(path, GeneratedNamespace, error, out var exitCode) is not (var system, var observed, var t0)) return exitCode;
        ObservationTable table;
        ObservationLoss loss;
        try
        {
            table = ObservationCsv.Read(dataPath, tableOptions with { Observed = observed, Inputs = system.InputNames, ModelStart = t0 });
            loss = new ObservationLoss(system, table);
        }
        catch (DataError problem)
        {
            error.WriteLine("odedsl: " + problem.Message);
            return ExitCodes.UsageError;
        }

        var parameters = new double[system.ParameterNames.Count];
        system.GetDefaultParameters(parameters);
        var options = new GradientOptions
        {
            Method = method,
            Solve = new SolveOptions { Method = "dopri5", T0 = t0, Rtol = tolerances.Rtol, Atol = tolerances.Atol, MaxSteps = 10_000_000 },
        };
        var result = DatasetGradient.Compute(system, table, loss, parameters, options);
        if (!result.Succeeded)
        {
            error.WriteLine($"odedsl: {path}: the gradient failed: {result.Failure}");
            return ExitCodes.ModelOrSolveError;
        }

        var trainable = TrainableQuantities.Of(File.ReadAllText(path), path);
        output.WriteLine($"loss = {Format(result.Loss)}");
        foreach (var k in trainable.Scalars)
            output.WriteLine($"d loss / d {system.ParameterNames[k]} = {Format(result.Parameters[k])}");
        foreach (var (net, indices) in trainable.Nets)
        {
            var norm = Math.Sqrt(indices.Sum(k => result.Parameters[k] * result.Parameters[k]));
            output.WriteLine($"|d loss / d {net}| = {Format(norm)} (norm over its {indices.Length} weights and biases)");
        }
        if (trainable.Scalars.Count == 0 && trainable.Nets.Count == 0)
            output.WriteLine("(the model has no trainable quantities: declare them with 'learn', 'learn x(0)' or 'net')");
        return ExitCodes.Success;
    }

    private static bool TryParseMethod(string name, out GradientMethod method) =>
        Enum.TryParse(name, ignoreCase: true, out method) && Enum.IsDefined(method) && !int.TryParse(name, out _);

    private static string Format(double value) => value.ToString("G12", CultureInfo.InvariantCulture);
}
