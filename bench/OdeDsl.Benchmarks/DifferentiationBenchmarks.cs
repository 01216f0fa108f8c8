using BenchmarkDotNet.Attributes;
using OdeDsl.Language;
using OdeDsl.Language.Binding;
using OdeDsl.Language.Differentiation;
using OdeDsl.Language.Lowering;

namespace OdeDsl.Benchmarks;

/// <summary>
/// Lowering to the IR and deriving the VJPs and the Jacobian (the work Compiler.Compile adds after
/// binding, and so what the source generator adds per changed file): the neural spiral
/// <c>z' = f(z^3)</c> with <c>mlp(2, 50, 2)</c>, and the 2,000-line generated model of
/// <see cref="LanguageBenchmarks"/> (398 states).
/// Run: dotnet run -c Release --project bench/OdeDsl.Benchmarks -- --filter '*DifferentiationBenchmarks*' --job short --inProcess
/// </summary>
[MemoryDiagnoser]
public class DifferentiationBenchmarks
{
    private BoundSystem spiral = null!;
    private BoundSystem generated = null!;

    [GlobalSetup]
    public void Setup()
    {
        spiral = Compiler.Bind("state z[2] = [2, 0]\nnet f = mlp(2, 50, 2, act=tanh)\nz' = f(z^3)\n", "spiral.ode").System!;
        generated = Compiler.Bind(LanguageBenchmarks.GenerateModel(2000), "generated.ode").System!;
    }

    [Benchmark]
    public DifferentiationResult Spiral() => Differentiator.Differentiate(SystemLowering.Lower(spiral));

    [Benchmark]
    public DifferentiationResult Generated2000Lines() => Differentiator.Differentiate(SystemLowering.Lower(generated));
}
