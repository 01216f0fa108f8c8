using BenchmarkDotNet.Attributes;
using OdeDsl.Runtime.Gradients;
using OdeDsl.Runtime.Solvers;
using OdeDsl.Runtime.Systems;

namespace OdeDsl.Benchmarks.Gradients;

/// <summary>
/// One gradient of a squared-error loss for the 2-50-2 MLP spiral (torchdiffeq's ode_demo dynamics, 252 parameters)
/// as the horizon grows: 10, 100, 1000 save points 0.025 apart (t1 = 0.25, 2.5, 25), dopri5 at rtol 1e-7, atol 1e-9,
/// for each gradient method. Global setup prints each configuration's counters (nfe, steps, peak checkpoint memory).
/// Run: dotnet run -c Release --project bench/OdeDsl.Benchmarks -- --filter '*GradientBenchmarks*' --job short --inProcess
/// </summary>
[MemoryDiagnoser]
public class GradientBenchmarks
{
    private IOdeSystem system = null!;
    private double[] initialStates = [];
    private double[] parameters = [];
    private GradientOptions options = null!;
    private SquaredErrorLoss loss = null!;

    [Params(10, 100, 1000)]
    public int SavePoints { get; set; }

    [Params(GradientMethod.Adjoint, GradientMethod.Checkpoint, GradientMethod.Discrete)]
    public GradientMethod Method { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        system = new Spiral();
        parameters = new double[system.ParameterCount];
        system.GetDefaultParameters(parameters);
        initialStates = new double[system.StateCount];
        system.GetInitialState(parameters, initialStates);
        var saveAt = Enumerable.Range(1, SavePoints).Select(k => 0.025 * k).ToArray();
        options = new GradientOptions
        {
            Method = Method,
            Solve = new SolveOptions { Method = "dopri5", T1 = saveAt[^1], SaveAt = saveAt, Rtol = 1e-7, Atol = 1e-9 },
        };
        loss = new SquaredErrorLoss([.. Enumerable.Range(0, 2 * SavePoints).Select(i => Math.Cos(0.1 * i))]);
        var result = Compute();
        Console.WriteLine($"// {Method} {SavePoints} save points: {result.Stats}; {(result.Succeeded ? "ok" : result.Message)}");
    }

    [Benchmark]
    public GradientResult Compute() => Gradient.Compute(system, initialStates, parameters, options, loss);
}
