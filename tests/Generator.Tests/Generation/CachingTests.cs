using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using OdeDsl.Generator.Tests.Support;

namespace OdeDsl.Generator.Tests.Generation;

/// <summary>
/// The incremental pipeline caches on equatable values: editing one model recompiles that model
/// only, and a C# edit elsewhere recompiles nothing.
/// </summary>
public sealed class CachingTests
{
    private const string Decay = "y' = -k*y\npar k=0.5\ninit y=1\n";
    private const string Growth = "x' = r*x\npar r=0.1\ninit x=1\n";

    private static (GeneratorDriver Driver, Compilation Compilation) FirstRun(params AdditionalText[] models)
    {
        var compilation = GeneratorHarness.Compilation("namespace App; public static class Program { public static int Main() => 0; }");
        var (driver, result, _) = GeneratorHarness.Run(GeneratorHarness.CreateDriver(models), compilation);
        Assert.Equal(models.Length, result.GeneratedTrees.Length);
        return (driver, compilation);
    }

    private static IReadOnlyList<IncrementalStepRunReason> Reasons(GeneratorDriverRunResult result, string step) =>
        result.Results.Single().TrackedSteps[step].SelectMany(run => run.Outputs).Select(output => output.Reason).ToList();

    [Fact]
    public void An_unrelated_csharp_edit_regenerates_nothing()
    {
        var (driver, compilation) = FirstRun(GeneratorHarness.Model("decay.ode", Decay), GeneratorHarness.Model("growth.ode", Growth));
        var edited = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("namespace App; internal static class Helper { }"));
        var (_, result, _) = GeneratorHarness.Run(driver, edited);

        Assert.All(Reasons(result, TrackingNames.CompileModel), reason => Assert.Equal(IncrementalStepRunReason.Cached, reason));
        Assert.All(Reasons(result, TrackingNames.ModelSource), reason => Assert.Equal(IncrementalStepRunReason.Cached, reason));
    }

    [Fact]
    public void Editing_one_model_recompiles_and_regenerates_that_model_only()
    {
        var decay = GeneratorHarness.Model("decay.ode", Decay);
        var growth = GeneratorHarness.Model("growth.ode", Growth);
        var (driver, compilation) = FirstRun(decay, growth);
        driver = driver.ReplaceAdditionalText(growth, GeneratorHarness.Model("growth.ode", Growth.Replace("r=0.1", "r=0.2")));
        var (_, result, _) = GeneratorHarness.Run(driver, compilation);

        var compiled = Reasons(result, TrackingNames.CompileModel);
        Assert.Equal(1, compiled.Count(reason => reason == IncrementalStepRunReason.Modified));
        Assert.Equal(1, compiled.Count(reason => reason == IncrementalStepRunReason.Cached));
        // The edit changes no system name, so the name-ownership step produces the same value.
        Assert.DoesNotContain(IncrementalStepRunReason.Modified, Reasons(result, TrackingNames.SystemOwners));
        var sources = Reasons(result, TrackingNames.ModelSource);
        Assert.Equal(1, sources.Count(reason => reason == IncrementalStepRunReason.Modified));
        Assert.Equal(1, sources.Count(reason => reason == IncrementalStepRunReason.Cached));
    }

    [Fact]
    public void Editing_a_model_comment_recompiles_but_leaves_the_generated_source_cached()
    {
        var growth = GeneratorHarness.Model("growth.ode", "# growth\n" + Growth);
        var (driver, compilation) = FirstRun(growth);
        driver = driver.ReplaceAdditionalText(growth, GeneratorHarness.Model("growth.ode", "# exponential growth\n" + Growth));
        var (_, result, _) = GeneratorHarness.Run(driver, compilation);

        Assert.Equal(new[] { IncrementalStepRunReason.Modified }, Reasons(result, TrackingNames.ReadModel));
        Assert.Equal(new[] { IncrementalStepRunReason.Unchanged }, Reasons(result, TrackingNames.CompileModel));
        Assert.Equal(new[] { IncrementalStepRunReason.Cached }, Reasons(result, TrackingNames.ModelSource));
    }

    [Fact]
    public void Editing_an_attributed_class_body_elsewhere_in_the_file_keeps_its_system_cached()
    {
        const string source = """
            using OdeDsl.Runtime.Modeling;
            namespace App;
            [OdeSystem] public partial class Decay { [State] double y = 1; [Par] double k = 0.5; double dy => -k * y; }
            """;
        var compilation = GeneratorHarness.Compilation(("Decay.cs", source), ("Other.cs", "namespace App; class Other { }"));
        var (driver, first, _) = GeneratorHarness.Run(GeneratorHarness.CreateDriver(Array.Empty<AdditionalText>()), compilation);
        Assert.Single(first.GeneratedTrees);
        var other = compilation.SyntaxTrees.Single(tree => tree.FilePath == "Other.cs");
        var edited = compilation.ReplaceSyntaxTree(other, CSharpSyntaxTree.ParseText("namespace App; class Other { int field; }", path: "Other.cs"));
        var (_, result, _) = GeneratorHarness.Run(driver, edited);
        Assert.All(Reasons(result, TrackingNames.CompileAttributedSystem), reason => Assert.Equal(IncrementalStepRunReason.Cached, reason));
    }
}
