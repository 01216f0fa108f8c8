using System.Globalization;
using System.Text;
using BenchmarkDotNet.Attributes;
using OdeDsl.Runtime.Data;
using OdeDsl.Runtime.Fitting;
using OdeDsl.Runtime.Gradients;
using OdeDsl.Runtime.Solvers;

namespace OdeDsl.Benchmarks.Fitting;

/// <summary>
/// Training cost: ten Adam iterations of the spiral neural ODE (ode_demo: 2-50-2 tanh MLP on z^3, 20 windows of
/// 10 steps of the 1000-point spiral) with backpropagation through the solver (Discrete) or the adjoint backsolve;
/// and the whole LynxHare fit (100 L-BFGS iterations) as the example runs it.
/// </summary>
[MemoryDiagnoser]
public class FittingBenchmarks
{
    private ObservationTable _spiral = null!;
    private ObservationTable _pelts = null!;

    [Params(GradientMethod.Discrete, GradientMethod.Adjoint)]
    public GradientMethod Gradient { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var truth = new SpiralTruth();
        var times = Enumerable.Range(1, 1000).Select(i => 25.0 * i / 1000).ToArray();
        var solution = Integrator.Solve<double>(truth, [2, 0], [], new SolveOptions { Method = "dop853", T1 = 25, SaveAt = times, Rtol = 1e-10, Atol = 1e-10 });
        var text = new StringBuilder("t,y[0],y[1]\n");
        for (var k = 0; k < times.Length; k++)
            text.Append(string.Create(CultureInfo.InvariantCulture, $"{times[k]:R},{solution.State(k)[0]:R},{solution.State(k)[1]:R}\n"));
        _spiral = ObservationCsv.Read(new StringReader(text.ToString()), "spiral.csv", new ObservationTableOptions { Observed = ["y[0]", "y[1]"] });
        _pelts = ObservationCsv.Read(Path.Combine(AppContext.BaseDirectory, "Fitting", "hudson-bay-lynx-hare.csv"),
            new ObservationTableOptions { TimeColumn = "Year", Observed = ["Hare", "Lynx"], ModelStart = 1900 });
    }

    [Benchmark(OperationsPerInvoke = 10, Description = "spiral: one Adam iteration (20 windows × 10 steps)")]
    public double SpiralIteration()
    {
        var model = new SpiralFit();
        return Fitter.Fit(model, _spiral, new FitOptions
        {
            Solve = new SolveOptions { Rtol = 1e-6, Atol = 1e-8 },
            Trainable = [.. model.ParameterNames.Select(name => new TrainableParameter(name))],
            LearningRate = 0.003,
            Iterations = 10,
            Windows = 20,
            WindowLength = 10,
            Gradient = Gradient,
            Seed = 1,
        }).History[^1].Loss;
    }

    [Benchmark(Description = "LynxHare: whole fit (L-BFGS to convergence, at most 100 iterations)")]
    public double LynxHareFit()
    {
        string[] learned = ["alpha", "beta", "delta", "gamma", "hares(0)", "lynxes(0)"];
        return Fitter.Fit(new LynxHare(), _pelts, new FitOptions
        {
            Solve = new SolveOptions { T0 = 1900, Rtol = 1e-8, Atol = 1e-8 },
            Trainable = [.. learned.Select(name => new TrainableParameter(name, FitConstraint.Positive))],
            Optimizer = FitOptimizer.Lbfgs,
            LearningRate = 0.1,
            Iterations = 100,
            Gradient = Gradient,
        }).Loss;
    }
}
