using OdeDsl.Generator.Model;
using OdeDsl.Generator.Specification;

namespace OdeDsl.Cli.Commands;

/// <summary>Reads a model file and compiles it with the generator's own pipeline, printing its diagnostics.</summary>
internal static class ModelLoader
{
    /// <summary>The compilation, or null (after printing why) when the file cannot be read.</summary>
    public static ModelCompilation? Load(string path, TextWriter diagnosticsOutput, TextWriter error)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            error.WriteLine($"odedsl: cannot read '{path}': {Reason(exception)}");
            return null;
        }
        var compilation = ModelCompiler.Compile(new ModelFile(path, text));
        foreach (var diagnostic in compilation.Diagnostics) diagnosticsOutput.WriteLine(diagnostic.ToString());
        return compilation;
    }

    private static string Reason(Exception exception) => exception switch
    {
        FileNotFoundException => "no such file",
        DirectoryNotFoundException => "no such directory",
        UnauthorizedAccessException => "permission denied",
        _ => exception.Message,
    };
}
