using OdeDsl.Generator.Emit;
using OdeDsl.Generator.Model;
using OdeDsl.Generator.Specification;
using OdeDsl.Generator.Tests.Support;
using OdeDsl.Language;
using OdeDsl.Runtime.Systems;

namespace OdeDsl.Generator.Tests.Corpus;

/// <summary>
/// The language's own classic-model corpus (tests/Language.Tests/Lowering/Models: Hodgkin–Huxley,
/// Morris–Lecar, Goodwin, Brusselator, …) emitted and compiled in one assembly, against the IR evaluator.
/// </summary>
public sealed class LanguageCorpusAgreementTests
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "LanguageModels");

    private static readonly Lazy<System.Reflection.Assembly> Assembly = new(() =>
        RuntimeCompilation.Load(RuntimeCompilation.CreateCompilation(Files().Select(file =>
        {
            var compilation = ModelCompiler.Compile(new ModelFile(file, File.ReadAllText(Path.Combine(Folder, file))));
            Assert.False(compilation.HasErrors, string.Join("\n", compilation.Diagnostics));
            return SystemEmitter.Emit(compilation.Spec!, TypeTarget.ForModelFile("LanguageModels", compilation.Spec!.Name)).Text;
        }).ToArray())));

    private static IEnumerable<string> Files() =>
        Directory.GetFiles(Folder, "*.ode").Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal);

    public static TheoryData<string> Models => new(Files());

    [Theory]
    [MemberData(nameof(Models))]
    public void Generated_kernels_agree_with_the_ir_evaluator(string file)
    {
        var reference = Compiler.Compile(File.ReadAllText(Path.Combine(Folder, file)), file).System!;
        var type = Assembly.Value.GetType("LanguageModels." + reference.System.Name, throwOnError: true)!;
        var system = (IOdeSystem)Activator.CreateInstance(type)!;
        for (var seed = 1; seed <= 2; seed++) KernelAgreement.AssertAgrees(reference, system, seed);
    }
}
