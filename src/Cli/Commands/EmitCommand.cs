using System.CommandLine;
using OdeDsl.Generator.Emit;
using OdeDsl.Generator.Model;

namespace OdeDsl.Cli.Commands;

/// <summary><c>odedsl emit FILE [-o DIR] [--namespace NS]</c>: writes the C# the generator would produce.</summary>
internal static class EmitCommand
{
    public const string DefaultNamespace = "OdeDsl.Models";

    public static Command Create(TextWriter output, TextWriter error)
    {
        var file = new Argument<string>("file") { Description = "The .ode file." };
        var directory = new Option<string>("--output", "-o") { Description = "Folder to write the .g.cs file into (default: the current folder).", DefaultValueFactory = _ => "." };
        var @namespace = new Option<string>("--namespace") { Description = "Namespace of the generated class.", DefaultValueFactory = _ => DefaultNamespace };
        var command = new Command("emit", "Write the C# generated for a model.") { file, directory, @namespace };
        command.SetAction(parsed =>
        {
            var compilation = ModelLoader.Load(parsed.GetValue(file)!, error, error);
            if (compilation is null) return ExitCodes.UsageError;
            if (compilation.HasErrors) return ExitCodes.ModelOrSolveError;
            var generated = SystemEmitter.Emit(compilation.Spec!, TypeTarget.ForModelFile(parsed.GetValue(@namespace), compilation.Spec!.Name));
            var path = Path.Combine(parsed.GetValue(directory)!, compilation.Spec.Name + ".g.cs");
            try
            {
                Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
                File.WriteAllText(path, generated.Text);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                error.WriteLine($"odedsl: cannot write '{path}': {exception.Message}");
                return ExitCodes.UsageError;
            }
            output.WriteLine(path);
            return ExitCodes.Success;
        });
        return command;
    }
}
