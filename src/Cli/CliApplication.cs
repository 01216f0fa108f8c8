using System.CommandLine;
using OdeDsl.Cli.Commands;

namespace OdeDsl.Cli;

/// <summary>
/// The <c>odedsl</c> command line: <c>check</c>, <c>emit</c>, <c>simulate</c> and <c>gradient</c>. Every failure is one
/// clear line on stderr and an exit code from <see cref="ExitCodes"/>, never a stack trace.
/// </summary>
public static class CliApplication
{
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        var root = new RootCommand("OdeDsl: compile .ode models into fused ODE kernels, check them, simulate them, and differentiate fitting losses.")
        {
            CheckCommand.Create(output),
            EmitCommand.Create(output, error),
            SimulateCommand.Create(output, error),
            GradientCommand.Create(output, error),
            FitCommand.Create(output, error),
        };
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var problem in parsed.Errors) error.WriteLine("odedsl: " + problem.Message);
            error.WriteLine("Run 'odedsl --help' for usage.");
            return ExitCodes.UsageError;
        }
        try
        {
            return parsed.Invoke(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
        }
        catch (Exception exception)
        {
            // A bug, not a user error: still one line, with enough to report it.
            error.WriteLine($"odedsl: internal error ({exception.GetType().Name}): {exception.Message}");
            return ExitCodes.ModelOrSolveError;
        }
    }
}
