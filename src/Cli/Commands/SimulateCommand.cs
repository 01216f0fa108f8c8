using System.CommandLine;
using System.Globalization;
using OdeDsl.Cli.Compilation;
using OdeDsl.Cli.Simulation;
using OdeDsl.Generator.Emit;
using OdeDsl.Generator.Model;
using OdeDsl.Runtime.Solvers;

namespace OdeDsl.Cli.Commands;

/// <summary>
/// <c>odedsl simulate FILE [--t0 T0] [--t1 T1 | --total T] [--dt DT | --saveat "t1,t2,..."] [--method NAME]
/// [--rtol R] [--atol A] [--set name=value]... [--input name=value]... [--params params.json] [-o out.csv]</c>: compiles the
/// model, compiles the emitted C# in process, solves it and writes the trajectory as CSV. Every <c>input</c> of the model
/// needs a value (held constant over the run).
/// </summary>
internal static class SimulateCommand
{
    private const string GeneratedNamespace = "OdeDsl.Simulated";

    public static Command Create(TextWriter output, TextWriter error)
    {
        var file = new Argument<string>("file") { Description = "The .ode file." };
        var t0 = new Option<double?>("--t0") { Description = "Start time (default: @ t0, else 0)." };
        var t1 = new Option<double?>("--t1") { Description = "End time (default: t0 + total)." };
        var total = new Option<double?>("--total") { Description = "Length of the run (default: @ total, else 20)." };
        var dt = new Option<double?>("--dt") { Description = "Output interval, and the step of fixed-step methods (default: @ dt, else 0.05)." };
        var saveAt = new Option<string?>("--saveat") { Description = "Comma-separated times to report instead of every dt." };
        var method = new Option<string?>("--method") { Description = "Solver: dopri5, tsit5, dop853, bosh3, rk4, euler, midpoint, heun, or an XPPAUT name (default: @ meth, else rungekutta)." };
        var rtol = new Option<double?>("--rtol") { Description = "Relative tolerance of adaptive methods (default: @ tol, else 0.001)." };
        var atol = new Option<double?>("--atol") { Description = "Absolute tolerance of adaptive methods (default: @ atol, else 0.001)." };
        var set = new Option<string[]>("--set") { Description = "name=value: a parameter's value or a state's initial value; repeatable.", AllowMultipleArgumentsPerToken = false };
        var input = new Option<string[]>("--input") { Description = "name=value: the value of one of the model's 'input' quantities (constant over the run); repeatable, one per input.", AllowMultipleArgumentsPerToken = false };
        var parametersFile = new Option<string?>("--params") { Description = "Parameter values from a JSON file such as the one 'odedsl fit -o' writes; --set wins over it." };
        var csv = new Option<string?>("--output", "-o") { Description = "CSV file to write (default: standard output)." };
        var command = new Command("simulate", "Solve a model and write its trajectory as CSV.")
        {
            file, t0, t1, total, dt, saveAt, method, rtol, atol, set, input, parametersFile, csv,
        };
        command.SetAction(parsed =>
        {
            var (saveTimes, saveProblem) = ParseTimes(parsed.GetValue(saveAt));
            var (assignments, setProblem) = Assignments.Parse(parsed.GetValue(set) ?? [], "--set", "beta=0.4");
            var (inputs, inputProblem) = Assignments.Parse(parsed.GetValue(input) ?? [], "--input", "dose=4.02");
            setProblem ??= inputProblem;
            if (parsed.GetValue(parametersFile) is { } parametersPath)
            {
                try
                {
                    assignments = [.. Fitting.ParametersJson.Read(parametersPath).Select(entry => (entry.Key, entry.Value)), .. assignments];
                }
                catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or System.Text.Json.JsonException)
                {
                    setProblem ??= $"--params {parametersPath}: {exception.Message}";
                }
            }
            if ((saveProblem ?? setProblem) is { } problem)
            {
                error.WriteLine("odedsl: " + problem);
                return ExitCodes.UsageError;
            }
            var arguments = new SimulateArguments(
                parsed.GetValue(t0), parsed.GetValue(t1), parsed.GetValue(total), parsed.GetValue(dt), saveTimes,
                parsed.GetValue(method), parsed.GetValue(rtol), parsed.GetValue(atol), assignments);
            return Simulate(parsed.GetValue(file)!, arguments, inputs, parsed.GetValue(csv), output, error);
        });
        return command;
    }

    private static int Simulate(string path, SimulateArguments arguments, IReadOnlyList<(string Name, double Value)> inputs, string? csvPath,
        TextWriter output, TextWriter error)
    {
        var compilation = ModelLoader.Load(path, error, error);
        if (compilation is null) return ExitCodes.UsageError;
        if (compilation.HasErrors) return ExitCodes.ModelOrSolveError;
        var spec = compilation.Spec!;

        var (settings, settingsProblem) = SimulationSettings.Resolve(spec, arguments);
        if (settings is null)
        {
            error.WriteLine("odedsl: " + settingsProblem);
            return ExitCodes.UsageError;
        }

        var source = SystemEmitter.Emit(spec, TypeTarget.ForModelFile(GeneratedNamespace, spec.Name));
        var (system, compileErrors) = SystemCompiler.Compile(source.Text, GeneratedNamespace + "." + spec.Name);
        if (system is null)
        {
            error.WriteLine($"odedsl: internal error: the code generated for {path} does not compile: {compileErrors.FirstOrDefault()}");
            return ExitCodes.ModelOrSolveError;
        }

        var parameters = new double[system.ParameterCount];
        system.GetDefaultParameters(parameters);
        var parameterIndex = Index(system.ParameterNames);
        var stateIndex = Index(system.StateNames);
        if (InputProblem(system.InputNames, inputs, settings.Assignments) is { } inputProblem)
        {
            error.WriteLine("odedsl: " + inputProblem);
            return ExitCodes.UsageError;
        }
        foreach (var (name, value) in settings.Assignments.Concat(inputs).Where(a => parameterIndex.ContainsKey(a.Name)))
        {
            parameters[parameterIndex[name]] = value;
        }
        var state = new double[system.StateCount];
        system.GetInitialState(parameters, state);
        foreach (var (name, value) in settings.Assignments)
        {
            if (stateIndex.TryGetValue(name, out var index)) state[index] = value;
            else if (!parameterIndex.ContainsKey(name))
            {
                error.WriteLine($"odedsl: --set {name}: the model has no parameter or state named '{name}'; parameters: {string.Join(", ", system.ParameterNames)}; states: {string.Join(", ", system.StateNames)}");
                return ExitCodes.UsageError;
            }
        }

        var solution = Integrator.Solve<double>(system, state, parameters, settings.Options);
        if (!solution.Succeeded)
        {
            error.WriteLine($"odedsl: {path}: the solve failed: {solution.Message}");
            return ExitCodes.ModelOrSolveError;
        }

        if (csvPath is null)
        {
            TrajectoryCsv.Write(output, system, parameters, solution);
            return ExitCodes.Success;
        }
        try
        {
            using var writer = new StreamWriter(csvPath);
            TrajectoryCsv.Write(writer, system, parameters, solution);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"odedsl: cannot write '{csvPath}': {exception.Message}");
            return ExitCodes.UsageError;
        }
        return ExitCodes.Success;
    }

    /// <summary>Why the <c>--input</c> values do not fit the model's inputs (each needs exactly one), or null.</summary>
    private static string? InputProblem(IReadOnlyList<string> modelInputs, IReadOnlyList<(string Name, double Value)> inputs,
        IReadOnlyList<(string Name, double Value)> assignments)
    {
        var declared = modelInputs.Count == 0 ? "the model declares no inputs" : "its inputs are " + string.Join(", ", modelInputs);
        if (assignments.FirstOrDefault(a => modelInputs.Contains(a.Name)) is { Name: { } setInput })
            return $"--set {setInput}: '{setInput}' is an input of the model; give its value with --input {setInput}=VALUE";
        if (inputs.FirstOrDefault(i => !modelInputs.Contains(i.Name)) is { Name: { } unknown })
            return $"--input {unknown}: the model has no input named '{unknown}'; {declared}";
        if (inputs.GroupBy(i => i.Name).FirstOrDefault(g => g.Count() > 1) is { Key: { } repeated })
            return $"--input {repeated}: given more than once";
        if (modelInputs.FirstOrDefault(name => !inputs.Any(i => i.Name == name)) is { } missing)
            return $"the model's input '{missing}' needs a value: give it with --input {missing}=VALUE";
        return null;
    }

    private static Dictionary<string, int> Index(IReadOnlyList<string> names) =>
        names.Select((name, index) => (name, index)).ToDictionary(p => p.name, p => p.index, StringComparer.Ordinal);

    private static (IReadOnlyList<double>? Times, string? Problem) ParseTimes(string? text)
    {
        if (text is null) return (null, null);
        var times = new List<double>();
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!double.TryParse(part, NumberStyles.Float, CultureInfo.InvariantCulture, out var time))
            {
                return (null, $"--saveat: '{part}' is not a number; write times separated by commas, e.g. --saveat \"0,0.5,1\"");
            }
            times.Add(time);
        }
        return times.Count == 0 ? (null, "--saveat: give at least one time") : (times, null);
    }
}
