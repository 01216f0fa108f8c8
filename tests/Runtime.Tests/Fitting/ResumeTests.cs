using System.Text.Json;
using OdeDsl.Runtime.Fitting;
using OdeDsl.Runtime.Solvers;

namespace OdeDsl.Runtime.Tests.Fitting;

/// <summary>
/// A fit killed mid-way (here: its progress callback throws after iteration 7, as a kill between two
/// checkpoints would leave it) and resumed from its checkpoint ends bit for bit where an uninterrupted fit with
/// the same seed ends: Adam's moments and step count and the per-iteration window draws are all restored, and so
/// are L-BFGS's curvature pairs and estimated noise scales.
/// </summary>
public sealed class ResumeTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("odedsl-fit-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static FitOptions Options(FitVector system) => new()
    {
        Solve = new SolveOptions { Rtol = 1e-8, Atol = 1e-8 },
        Trainable = [.. system.ParameterNames.Select(name => new TrainableParameter(name))],
        StartParameters = SyntheticData.Parameters(system, ("A[0,0]", -0.3), ("A[0,1]", 1.5), ("A[1,0]", -1.7), ("A[1,1]", 0)),
        Iterations = 14,
        LearningRate = 0.05,
        Windows = 5,
        WindowLength = 6,
        Seed = 42,
    };

    [Fact]
    public void Killed_and_resumed_fit_equals_the_uninterrupted_fit()
    {
        var system = new FitVector();
        var data = SyntheticData.Table(system, SyntheticData.Parameters(system), SyntheticData.Times(6, 60), noise: 0.02);
        var uninterrupted = Fitter.Fit(system, data, Options(system));

        var checkpoint = Path.Combine(_directory, "fit.json");
        var killed = Options(system) with
        {
            CheckpointPath = checkpoint,
            Progress = iteration => { if (iteration.Iteration == 7) throw new OperationCanceledException("killed"); },
        };
        Assert.Throws<OperationCanceledException>(() => Fitter.Fit(system, data, killed));
        Assert.False(File.Exists(checkpoint + ".tmp"));
        var resumed = Fitter.Fit(system, data, Options(system) with { CheckpointPath = checkpoint, Resume = true });

        Assert.Equal(uninterrupted.Parameters, resumed.Parameters);
        Assert.Equal(uninterrupted.Loss, resumed.Loss);
        Assert.Equal(uninterrupted.History.Select(h => h.Loss), resumed.History.Select(h => h.Loss));
        Assert.Equal(14, resumed.History.Count);
        Assert.True(resumed.History[^1].Loss < resumed.History[0].Loss, "the fit did not lower the loss");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Killed_and_resumed_lbfgs_fit_equals_the_uninterrupted_fit(bool estimateNoise)
    {
        var system = new FitVector();
        var data = SyntheticData.Table(system, SyntheticData.Parameters(system), SyntheticData.Times(6, 60), noise: 0.02);
        FitOptions Lbfgs() => Options(system) with
        {
            Optimizer = FitOptimizer.Lbfgs,
            LearningRate = 0.1,
            Windows = null,
            WindowLength = null,
            EstimateNoise = estimateNoise,
        };
        var uninterrupted = Fitter.Fit(system, data, Lbfgs());

        var checkpoint = Path.Combine(_directory, "fit.json");
        var killed = Lbfgs() with
        {
            CheckpointPath = checkpoint,
            Progress = iteration => { if (iteration.Iteration == 7) throw new OperationCanceledException("killed"); },
        };
        Assert.Throws<OperationCanceledException>(() => Fitter.Fit(system, data, killed));
        using (var saved = JsonDocument.Parse(File.ReadAllText(checkpoint)))
            Assert.True(saved.RootElement.GetProperty("Optimizer").GetProperty("StepDifferences").GetArrayLength() > 1,
                "the checkpoint holds no L-BFGS memory");
        var resumed = Fitter.Fit(system, data, Lbfgs() with { CheckpointPath = checkpoint, Resume = true });

        Assert.Equal(uninterrupted.Parameters, resumed.Parameters);
        Assert.Equal(uninterrupted.NoiseScales, resumed.NoiseScales);
        Assert.Equal(uninterrupted.Loss, resumed.Loss);
        Assert.Equal(uninterrupted.History.Select(h => h.Loss), resumed.History.Select(h => h.Loss));
        Assert.Equal(14, resumed.History.Count);
        Assert.True(resumed.History[^1].Loss < resumed.History[6].Loss, "the fit did not lower the loss after the kill");
    }

    [Fact]
    public void Same_seed_gives_the_same_fit_and_another_seed_draws_other_windows()
    {
        var system = new FitVector();
        var data = SyntheticData.Table(system, SyntheticData.Parameters(system), SyntheticData.Times(6, 60));
        var first = Fitter.Fit(system, data, Options(system) with { Iterations = 4 });
        var again = Fitter.Fit(system, data, Options(system) with { Iterations = 4 });
        var other = Fitter.Fit(system, data, Options(system) with { Iterations = 4, Seed = 7 });

        Assert.Equal(first.Parameters, again.Parameters);
        Assert.NotEqual(first.History.Select(h => h.Loss), other.History.Select(h => h.Loss));
    }

    [Fact]
    public void Checkpoint_of_another_fit_is_refused_with_a_message()
    {
        var system = new FitVector();
        var data = SyntheticData.Table(system, SyntheticData.Parameters(system), SyntheticData.Times(6, 60));
        var checkpoint = Path.Combine(_directory, "fit.json");
        Fitter.Fit(system, data, Options(system) with { Iterations = 2, CheckpointPath = checkpoint });

        var error = Assert.Throws<ArgumentException>(() =>
            Fitter.Fit(system, data, Options(system) with { Iterations = 2, CheckpointPath = checkpoint, Resume = true, Seed = 3 }));
        Assert.Contains("checkpoint of a different fit", error.Message);
    }
}
