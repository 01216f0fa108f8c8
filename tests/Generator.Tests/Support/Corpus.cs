using System.Reflection;
using Microsoft.CodeAnalysis;
using OdeDsl.Language;
using OdeDsl.Language.Differentiation;
using OdeDsl.Runtime.Systems;

namespace OdeDsl.Generator.Tests.Support;

/// <summary>
/// The test corpus (Models/*.ode plus the attributed Pendulum), generated once through the real
/// generator driver into one compilation and loaded, so every test uses what a build would produce.
/// </summary>
internal static class Corpus
{
    public const string Namespace = "Sample";

    public static readonly string Directory = Path.Combine(AppContext.BaseDirectory, "Models");

    public static IReadOnlyList<string> ModelFiles { get; } =
        global::System.IO.Directory.GetFiles(Directory, "*.ode").Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal).ToList();

    private static readonly Lazy<(Assembly Assembly, GeneratorDriverRunResult Run)> Generated = new(() =>
    {
        var models = ModelFiles.Select(file => GeneratorHarness.Model(Path.Combine(Directory, file), File.ReadAllText(Path.Combine(Directory, file))));
        var driver = GeneratorHarness.CreateDriver(models, Namespace);
        var (_, run, output) = GeneratorHarness.Run(driver, GeneratorHarness.Compilation(("Pendulum.cs", Attributed.AttributedSystemReaderTests.Pendulum)));
        Assert.Empty(run.Diagnostics);
        return (RuntimeCompilation.Load((Microsoft.CodeAnalysis.CSharp.CSharpCompilation)output), run);
    });

    public static GeneratorDriverRunResult Run => Generated.Value.Run;

    public static DifferentiatedSystem Reference(string file)
    {
        var result = Compiler.Compile(File.ReadAllText(Path.Combine(Directory, file)), file);
        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics));
        return result.System!;
    }

    public static IOdeSystem System(string typeName) =>
        (IOdeSystem)Activator.CreateInstance(Generated.Value.Assembly.GetType(typeName, throwOnError: true)!)!;

    public static IOdeSystem SystemFor(string file) => System(Namespace + "." + Reference(file).System.Name);
}
