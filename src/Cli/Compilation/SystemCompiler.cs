using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using OdeDsl.Runtime.Systems;

namespace OdeDsl.Cli.Compilation;

/// <summary>
/// Compiles generated C# with Roslyn, in process, into a collectible assembly and instantiates the
/// system: the run-time twin of the build-time generator.
/// </summary>
internal static class SystemCompiler
{
    private static readonly Lazy<IReadOnlyList<MetadataReference>> References = new(() =>
        ((string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToList());

    /// <summary>The system, or the compiler's errors (which would be a generator bug).</summary>
    public static (IOdeSystem? System, IReadOnlyList<string> Errors) Compile(string source, string typeName)
    {
        var compilation = CSharpCompilation.Create(
            "OdeDsl.Simulated." + typeName,
            [CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest))],
            References.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, optimizationLevel: OptimizationLevel.Release,
                                         nullableContextOptions: NullableContextOptions.Enable));
        using var stream = new MemoryStream();
        var result = compilation.Emit(stream);
        if (!result.Success)
        {
            return (null, result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString()).ToList());
        }
        stream.Position = 0;
        var context = new AssemblyLoadContext(typeName, isCollectible: true);
        var type = context.LoadFromStream(stream).GetType(typeName)
            ?? throw new InvalidOperationException($"the compiled assembly has no type {typeName}");
        return ((IOdeSystem)Activator.CreateInstance(type)!, []);
    }
}
