using BenchmarkDotNet.Attributes;
using OdeDsl.Examples.LotkaVolterra;
using OdeDsl.Runtime.Solvers;
using static TorchSharp.torch;

namespace OdeDsl.Benchmarks;

/// <summary>
/// The Lotka–Volterra solve of DESIGN.md's performance table: a=1.5, b=1, c=3, d=1, x0=(1,1),
/// t∈[0,15], 150 save points, rtol=atol=1e-8; one trajectory on the span path, and 1024
/// trajectories in one batch on the span and tensor paths. Setup prints nfe and the error against a
/// DOP853 reference at 1e-13.
/// </summary>
[MemoryDiagnoser]
public class LotkaVolterraBenchmarks
{
    private const int BatchSize = 1024;
    private static readonly double[] Parameters = [1.5, 1, 3, 1];

    private readonly LotkaVolterraSystem _system = new();
    private SolveOptions _options = null!;
    private double[] _batch = null!;
    private float[] _batch32 = null!;
    private readonly float[] _parameters32 = [1.5f, 1, 3, 1];
    private Tensor _batchTensor = null!;
    private Tensor _batchTensor32 = null!;
    private Tensor _parameterTensor = null!;
    private Tensor _parameterTensor32 = null!;

    [Params("dopri5", "tsit5", "dop853")]
    public string Method { get; set; } = "dopri5";

    [GlobalSetup]
    public void Setup()
    {
        var saveAt = Enumerable.Range(1, 150).Select(k => k * 0.1).ToArray();
        _options = new SolveOptions { Method = Method, T1 = 15, SaveAt = saveAt, Rtol = 1e-8, Atol = 1e-8 };
        _batch = new double[2 * BatchSize];
        for (var b = 0; b < BatchSize; b++)
        {
            _batch[2 * b] = 0.5 + b / (double)BatchSize;
            _batch[2 * b + 1] = 1;
        }
        _batch32 = [.. _batch.Select(v => (float)v)];
        _batchTensor = tensor(_batch, [BatchSize, 2], ScalarType.Float64);
        _batchTensor32 = _batchTensor.to(ScalarType.Float32);
        _parameterTensor = tensor(Parameters, ScalarType.Float64);
        _parameterTensor32 = _parameterTensor.to(ScalarType.Float32);
        ReportAccuracy();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        foreach (var t in new[] { _batchTensor, _batchTensor32, _parameterTensor, _parameterTensor32 })
            t.Dispose();
    }

    [Benchmark(Description = "single, span f64")]
    public Solution<double> Single() => Integrator.Solve<double>(_system, [1.0, 1.0], Parameters, _options);

    [Benchmark(Description = "1024 batch, span f64")]
    public Solution<double> BatchSpan() => Integrator.Solve<double>(_system, _batch, Parameters, _options);

    [Benchmark(Description = "1024 batch, span f32, tol 1e-6")]
    public Solution<float> BatchSpan32() => Integrator.Solve<float>(_system, _batch32, _parameters32, _options with { Rtol = 1e-6, Atol = 1e-6 });

    [Benchmark(Description = "1024 batch, tensor f64")]
    public SolveStatus BatchTensor()
    {
        using var solution = Integrator.Solve(_system, _batchTensor, _parameterTensor, _options);
        return solution.Status;
    }

    /// <summary>float32 cannot resolve 1e-8; this one runs at rtol=atol=1e-6 (DESIGN.md's batch setting).</summary>
    [Benchmark(Description = "1024 batch, tensor f32, tol 1e-6")]
    public SolveStatus BatchTensor32()
    {
        using var solution = Integrator.Solve(_system, _batchTensor32, _parameterTensor32, _options with { Rtol = 1e-6, Atol = 1e-6 });
        return solution.Status;
    }

    private void ReportAccuracy()
    {
        var reference = Integrator.Solve<double>(_system, [1.0, 1.0], Parameters,
            _options with { Method = "dop853", Rtol = 1e-13, Atol = 1e-13 });
        var single = Single();
        var error = 0.0;
        for (var i = 0; i < single.States.Length; i++)
            error = Math.Max(error, Math.Abs(single.States[i] - reference.States[i]));
        var batch = BatchSpan();
        Console.WriteLine($"// {Method}: single {single.Stats}, max error {error:E2}; batch of {BatchSize} {batch.Stats}");
    }
}
