using System.CommandLine;

namespace OdeDsl.Cli.Commands;

/// <summary><c>odedsl check FILE...</c>: prints <c>path(line,col): error CODE: message</c> per diagnostic; exit 1 on any error.</summary>
internal static class CheckCommand
{
    public static Command Create(TextWriter output)
    {
        var files = new Argument<string[]>("files") { Arity = ArgumentArity.OneOrMore, Description = "The .ode files to check." };
        var command = new Command("check", "Compile models and report their diagnostics.") { files };
        command.SetAction(parsed =>
        {
            var exitCode = ExitCodes.Success;
            foreach (var file in parsed.GetValue(files) ?? [])
            {
                var compilation = ModelLoader.Load(file, output, output);
                if (compilation is null) exitCode = ExitCodes.UsageError;
                else if (compilation.HasErrors && exitCode == ExitCodes.Success) exitCode = ExitCodes.ModelOrSolveError;
            }
            return exitCode;
        });
        return command;
    }
}
