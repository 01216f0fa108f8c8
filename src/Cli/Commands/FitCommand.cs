using System.CommandLine;
using System.Globalization;
using OdeDsl.Cli.Fitting;
using OdeDsl.Cli.Gradients;
using OdeDsl.Runtime.Data;
using OdeDsl.Runtime.Fitting;
using OdeDsl.Runtime.Gradients;
using OdeDsl.Runtime.Solvers;

namespace OdeDsl.Cli.Commands;

/// <summary>
/// <c>odedsl fit FILE --data CSV [--time-column NAME] [--trajectory-column NAME] [--iterations N]
/// [--optimizer adam|lbfgs] [--lr X] [--gradient adjoint|checkpoint|discrete] [--minibatch-window K --batch B]
/// [--shooting-segments S] [--free NAME,...] [--weights NAME=W,...] [--estimate-noise] [--seed S] [-o params.json]
/// [--plot fit.png] [--checkpoint FILE] [--resume]</c>:
/// fits the model's trainable quantities to the data (docs/fitting.md) and prints them as <c>name = value</c> lines.
/// </summary>
internal static class FitCommand
{
    private const string GeneratedNamespace = "OdeDsl.Fit";

    public static Command Create(TextWriter output, TextWriter error)
    {
        var file = new Argument<string>("file") { Description = "The .ode file." };
        var data = new Option<string>("--data") { Description = "CSV file with a time column, one column per observe output and one per input.", Required = true };
        var timeColumn = new Option<string?>("--time-column") { Description = "The time column (default: t or time)." };
        var trajectoryColumn = new Option<string?>("--trajectory-column") { Description = "Column of trajectory ids, for several trajectories in one file." };
        var iterations = new Option<int>("--iterations") { Description = "Optimizer iterations (default 200).", DefaultValueFactory = _ => 200 };
        var optimizer = new Option<string>("--optimizer") { Description = "adam, or lbfgs for a few parameters (default adam).", DefaultValueFactory = _ => "adam" };
        var learningRate = new Option<double>("--lr") { Description = "Adam's step size, or L-BFGS's first step (default 0.05).", DefaultValueFactory = _ => 0.05 };
        var gradient = new Option<string>("--gradient") { Description = "adjoint, checkpoint or discrete (default adjoint).", DefaultValueFactory = _ => "adjoint" };
        var window = new Option<int?>("--minibatch-window") { Description = "Minibatches: data rows per random time window (with --batch)." };
        var batch = new Option<int?>("--batch") { Description = "Minibatches: windows per iteration (with --minibatch-window)." };
        var shooting = new Option<int>("--shooting-segments") { Description = "Multiple shooting: segments per trajectory (default 1).", DefaultValueFactory = _ => 1 };
        var free = new Option<string?>("--free") { Description = "Comma-separated 'par' names to fit as well." };
        var weights = new Option<string?>("--weights") { Description = "Comma-separated name=weight pairs: fixed weights of observed columns (default 1)." };
        var estimateNoise = new Option<bool>("--estimate-noise") { Description = "Estimate a noise scale per observed column with the parameters (Gaussian likelihood)." };
        var seed = new Option<int>("--seed") { Description = "Seed of the window draws (default 0).", DefaultValueFactory = _ => 0 };
        var rtol = new Option<double>("--rtol") { Description = "Relative tolerance of the solves (default 1e-6).", DefaultValueFactory = _ => 1e-6 };
        var atol = new Option<double>("--atol") { Description = "Absolute tolerance of the solves (default 1e-8).", DefaultValueFactory = _ => 1e-8 };
        var parametersFile = new Option<string?>("--output", "-o") { Description = "Write all fitted parameters as JSON." };
        var plot = new Option<string?>("--plot") { Description = "Write a PNG of the data against the fitted model." };
        var checkpoint = new Option<string?>("--checkpoint") { Description = "Keep a checkpoint in this file (written atomically every iteration)." };
        var resume = new Option<bool>("--resume") { Description = "Continue from --checkpoint if it exists." };
        var command = new Command("fit", "Fit the model's trainable quantities to measured time series.")
        {
            file, data, timeColumn, trajectoryColumn, iterations, optimizer, learningRate, gradient, window, batch, shooting,
            free, weights, estimateNoise, seed, rtol, atol, parametersFile, plot, checkpoint, resume,
        };
        command.SetAction(parsed =>
        {
            var optimizerName = parsed.GetValue(optimizer)!;
            var gradientName = parsed.GetValue(gradient)!;
            string? problem = null;
            if (!Enum.TryParse<FitOptimizer>(optimizerName, ignoreCase: true, out var fitOptimizer) || int.TryParse(optimizerName, out _))
                problem = $"--optimizer '{optimizerName}': use adam or lbfgs";
            if (!Enum.TryParse<GradientMethod>(gradientName, ignoreCase: true, out var gradientMethod) || int.TryParse(gradientName, out _))
                problem = $"--gradient '{gradientName}': use adjoint, checkpoint or discrete";
            var (columnWeights, weightsProblem) = Assignments.Parse(
                (parsed.GetValue(weights) ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
                "--weights", "hare=1,lynx=2");
            problem ??= weightsProblem;
            if (columnWeights.GroupBy(w => w.Name).FirstOrDefault(g => g.Count() > 1) is { } repeated)
                problem = $"--weights: '{repeated.Key}' is given twice";
            if (parsed.GetValue(resume) && parsed.GetValue(checkpoint) is null)
                problem = "--resume needs --checkpoint FILE";
            if (!(parsed.GetValue(rtol) > 0) || !(parsed.GetValue(atol) > 0))
                problem = "--rtol and --atol must be positive";
            if (problem is not null)
            {
                error.WriteLine("odedsl: " + problem);
                return ExitCodes.UsageError;
            }
            var request = new FitRequest(parsed.GetValue(file)!, parsed.GetValue(data)!,
                new ObservationTableOptions { TimeColumn = parsed.GetValue(timeColumn), TrajectoryColumn = parsed.GetValue(trajectoryColumn) },
                (parsed.GetValue(free) ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
                parsed.GetValue(parametersFile), parsed.GetValue(plot),
                new FitOptions
                {
                    Iterations = parsed.GetValue(iterations),
                    Optimizer = fitOptimizer,
                    LearningRate = parsed.GetValue(learningRate),
                    Gradient = gradientMethod,
                    WindowLength = parsed.GetValue(window),
                    Windows = parsed.GetValue(batch),
                    ShootingSegments = parsed.GetValue(shooting),
                    Weights = columnWeights.Count == 0 ? null : columnWeights.ToDictionary(w => w.Name, w => w.Value, StringComparer.Ordinal),
                    EstimateNoise = parsed.GetValue(estimateNoise),
                    Seed = parsed.GetValue(seed),
                    CheckpointPath = parsed.GetValue(checkpoint),
                    Resume = parsed.GetValue(resume),
                    Solve = new SolveOptions { Rtol = parsed.GetValue(rtol), Atol = parsed.GetValue(atol), MaxSteps = 1_000_000 },
                });
            return Run(request, output, error);
        });
        return command;
    }

    private sealed record FitRequest(string Path, string DataPath, ObservationTableOptions Table, IReadOnlyList<string> Freed,
        string? ParametersPath, string? PlotPath, FitOptions Options);

    private static int Run(FitRequest request, TextWriter output, TextWriter error)
    {
        if (ObservedModel.Load(request.Path, GeneratedNamespace, error, out var exitCode) is not (var system, var observed, var t0)) return exitCode;
        var (trainable, selectionProblem) = TrainableSelection.Select(File.ReadAllText(request.Path), request.Path, request.Freed);
        if (trainable is null)
        {
            error.WriteLine("odedsl: " + selectionProblem);
            return ExitCodes.UsageError;
        }
        var options = request.Options with { Trainable = trainable, Solve = request.Options.Solve with { T0 = t0 } };

        ObservationTable table;
        FitResult result;
        try
        {
            table = ObservationCsv.Read(request.DataPath, request.Table with { Observed = observed, Inputs = system.InputNames, ModelStart = t0 });
            result = FitProgressDisplay.Run(output, options.Iterations, progress => Fitter.Fit(system, table, options with { Progress = progress }));
        }
        catch (DataError problem)
        {
            error.WriteLine("odedsl: " + problem.Message);
            return ExitCodes.UsageError;
        }
        catch (ArgumentException problem)
        {
            error.WriteLine("odedsl: " + problem.Message);
            return ExitCodes.UsageError;
        }

        if (!result.Succeeded)
        {
            error.WriteLine($"odedsl: {request.Path}: the fit failed: {result.Message}");
            return ExitCodes.ModelOrSolveError;
        }
        var netWeights = 0;
        foreach (var name in result.TrainableNames)
        {
            if (name.Contains('.')) netWeights++;
            else output.WriteLine($"{name} = {Format(result[name])}");
        }
        if (netWeights > 0) output.WriteLine($"({netWeights} net weights and biases: see the parameters file)");
        foreach (var (column, sigma) in result.NoiseScales) output.WriteLine($"sigma({column}) = {Format(sigma)}");
        output.WriteLine($"loss = {Format(result.Loss)}");
        output.WriteLine($"({result.Message})");
        try
        {
            if (request.ParametersPath is { } parametersPath)
            {
                // Input slots hold whatever the data gave each trajectory, not a fitted value.
                var kept = Enumerable.Range(0, result.ParameterNames.Count).Where(k => !system.InputNames.Contains(result.ParameterNames[k])).ToList();
                ParametersJson.Write(parametersPath, [.. kept.Select(k => result.ParameterNames[k])], [.. kept.Select(k => result.Parameters[k])],
                    result.NoiseScales);
            }
            if (request.PlotPath is { } plotPath) FitPlot.Save(plotPath, system, table, result.Parameters, options.Solve);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"odedsl: cannot write the output: {exception.Message}");
            return ExitCodes.UsageError;
        }
        return ExitCodes.Success;
    }

    private static string Format(double value) => value.ToString("G10", CultureInfo.InvariantCulture);
}
