using BenchmarkDotNet.Attributes;
using OdeDsl.Language;
using OdeDsl.Language.Differentiation;
using OdeDsl.Language.IR;
using OdeDsl.Runtime.Systems;
using TorchSharp;
using static TorchSharp.torch;

namespace OdeDsl.Benchmarks.Generator;

/// <summary>
/// One evaluation of <c>f(t, z, θ)</c> for a whole batch: the generated fused CPU kernel, the
/// language's IR interpreter (the reference semantics, one trajectory at a time) and the generated
/// tensor kernel on the CPU; plus the fused VJP. Lotka–Volterra (2 states, 4 parameters) and the
/// 2-50-2 tanh MLP spiral of torchdiffeq's ode_demo (252 parameters).
/// Run: dotnet run -c Release --project bench/OdeDsl.Benchmarks -- --filter '*KernelBenchmarks*' --job short --inProcess
/// </summary>
[MemoryDiagnoser]
public class KernelBenchmarks
{
    private IOdeSystem system = null!;
    private DifferentiatedSystem reference = null!;
    private double[] states = [];
    private double[] parameters = [];
    private double[] derivatives = [];
    private double[] stateCotangent = [];
    private double[] parameterCotangent = [];
    private double[] timeCotangent = [];
    private Tensor statesTensor = null!;
    private Tensor parametersTensor = null!;
    private Tensor time = null!;

    [Params("LotkaVolterra", "Spiral")]
    public string Model { get; set; } = "";

    [Params(1, 1024)]
    public int Batch { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        system = Model == "Spiral" ? new Spiral() : new LotkaVolterra();
        var file = Path.Combine(AppContext.BaseDirectory, "Generator", "Models", Model == "Spiral" ? "spiral.ode" : "lotka_volterra.ode");
        reference = Compiler.Compile(File.ReadAllText(file), file).System ?? throw new InvalidOperationException("model does not compile");
        int n = system.StateCount, p = system.ParameterCount;
        parameters = new double[p];
        system.GetDefaultParameters(parameters);
        var random = new Random(1);
        states = Enumerable.Range(0, Batch * n).Select(_ => 2 * random.NextDouble() - 1).ToArray();
        derivatives = new double[Batch * n];
        stateCotangent = new double[Batch * n];
        parameterCotangent = new double[Batch * p];
        timeCotangent = new double[Batch];
        statesTensor = tensor(states, [Batch, n], ScalarType.Float64);
        parametersTensor = tensor(parameters, ScalarType.Float64);
        time = tensor(0.5, ScalarType.Float64);
    }

    [Benchmark(Baseline = true, Description = "fused CPU kernel")]
    public double FusedCpu()
    {
        ((IOdeKernel<double>)system).Derivative(0.5, states, parameters, derivatives);
        return derivatives[0];
    }

    [Benchmark(Description = "fused CPU VJP")]
    public double FusedCpuVjp()
    {
        ((IOdeKernel<double>)system).Vjp(0.5, states, parameters, derivatives, stateCotangent, parameterCotangent, timeCotangent);
        return stateCotangent[0];
    }

    [Benchmark(Description = "IR interpreter")]
    public double IrInterpreter()
    {
        var n = system.StateCount;
        var sum = 0.0;
        for (var b = 0; b < Batch; b++)
        {
            var values = IrEvaluator.Evaluate(reference.System.Derivatives, new IrPoint(0.5, new ArraySegment<double>(states, b * n, n), parameters));
            sum += values[0];
        }
        return sum;
    }

    [Benchmark(Description = "tensor kernel (CPU)")]
    public double TensorCpu()
    {
        using var result = system.Derivative(time, statesTensor, parametersTensor);
        return result.shape[0];
    }
}
