using System.Globalization;
using OdeDsl.Cli.Commands;
using OdeDsl.Cli.Compilation;
using OdeDsl.Generator.Emit;
using OdeDsl.Generator.Model;
using OdeDsl.Runtime.Systems;

namespace OdeDsl.Cli.Gradients;

/// <summary>
/// A model file compiled for comparison with data (<c>odedsl gradient</c>, <c>odedsl fit</c>): the system with its
/// observation outputs, the names of its observations (the data columns it needs) and its <c>t0</c> option.
/// </summary>
internal sealed record ObservedModel(ObservedSystem System, IReadOnlyList<string> Observed, double T0)
{
    /// <summary>Compiles <paramref name="path"/>; on failure writes why to <paramref name="error"/> and gives the exit code.</summary>
    public static ObservedModel? Load(string path, string generatedNamespace, TextWriter error, out int exitCode)
    {
        var compilation = ModelLoader.Load(path, error, error);
        exitCode = compilation is null ? ExitCodes.UsageError : ExitCodes.ModelOrSolveError;
        if (compilation is null || compilation.HasErrors) return null;
        var spec = compilation.Spec!;
        var source = SystemEmitter.Emit(spec, TypeTarget.ForModelFile(generatedNamespace, spec.Name));
        var (compiled, compileErrors) = SystemCompiler.Compile(source.Text, generatedNamespace + "." + spec.Name);
        if (compiled is not IOdeOutputs outputs)
        {
            error.WriteLine($"odedsl: internal error: the code generated for {path} does not compile: {compileErrors.FirstOrDefault()}");
            return null;
        }
        var observed = Enumerable.Range(0, outputs.OutputNames.Count)
            .Where(i => outputs.OutputKinds[i] != OdeOutputKind.Aux).Select(i => outputs.OutputNames[i]).ToList();
        if (observed.Count == 0)
        {
            error.WriteLine($"odedsl: {path}: the model has no 'observe' outputs to compare with data; add e.g. 'observe y = x'");
            return null;
        }
        var t0 = spec.Options.Where(o => string.Equals(o.Name, "t0", StringComparison.OrdinalIgnoreCase))
            .Select(o => double.TryParse(o.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : 0)
            .LastOrDefault();
        exitCode = ExitCodes.Success;
        return new ObservedModel(new ObservedSystem(compiled, outputs), observed, t0);
    }
}
