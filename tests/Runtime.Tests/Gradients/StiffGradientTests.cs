using OdeDsl.Runtime.Gradients;
using OdeDsl.Runtime.Solvers;
using Xunit.Abstractions;

namespace OdeDsl.Runtime.Tests.Gradients;

/// <summary>
/// Gradients through stiff solves: Robertson's log rate constants, loss <c>½ Σ (y(t_i) − target)²</c> at four times up
/// to t = 100, against central differences of independent rodas4 solves at rtol = 1e-12.
/// </summary>
public sealed class StiffGradientTests(ITestOutputHelper output)
{
    private static readonly double[] SaveAt = [0.4, 4, 40, 100];

    private static readonly double[] InitialStates = [1, 0, 0];

    private static readonly double[] Targets = [.. Enumerable.Range(0, 12).Select(i => 0.1 * (i % 4) + 0.05)];

    [Theory]
    [InlineData(GradientMethod.Checkpoint, "rodas4", null)]
    [InlineData(GradientMethod.Checkpoint, "rodas4", "bdf")]
    [InlineData(GradientMethod.Checkpoint, "trbdf2", "rodas4")]
    [InlineData(GradientMethod.Checkpoint, "bdf", null)]
    [InlineData(GradientMethod.Checkpoint, "bdf", "rodas4")]
    public void RobertsonLogRateGradientsMatchFiniteDifferences(GradientMethod method, string forward, string? backward)
    {
        var options = new GradientOptions
        {
            Solve = new SolveOptions { Method = forward, T0 = 0, T1 = 100, SaveAt = SaveAt, Rtol = 1e-10, Atol = 1e-14 },
            Method = method,
            BackwardMethod = backward,
        };
        var result = Gradient.Compute(new LogRobertsonSystem(), InitialStates, LogRobertsonSystem.TrueParameters,
            options, new SquaredErrorLoss(Targets));
        Assert.True(result.Succeeded, result.Message);

        var expected = FiniteDifferences();
        for (var j = 0; j < 3; j++)
        {
            var relative = Math.Abs(result.Parameters[j] - expected[j]) / Math.Abs(expected[j]);
            output.WriteLine($"dL/dθ{j}: {result.Parameters[j]:R} vs {expected[j]:R}, relative error {relative:E2}");
            Assert.True(relative <= 1e-5, $"dL/dθ{j}: {result.Parameters[j]} vs {expected[j]} ({relative:E2})");
        }
        output.WriteLine(result.Stats.ToString());
    }

    /// <summary>
    /// The backsolve integrates <c>z</c> backwards, which is unstable for stiff systems: with h &lt; 0 the Newton
    /// matrix <c>I − hγJ</c> meets the decaying eigenvalues and turns singular. The failure comes back as a message.
    /// </summary>
    [Fact]
    public void BacksolveOfRobertsonFailsWithAMessage()
    {
        var options = new GradientOptions
        {
            Solve = new SolveOptions { Method = "rodas4", T0 = 0, T1 = 100, SaveAt = SaveAt, Rtol = 1e-10, Atol = 1e-14 },
            Method = GradientMethod.Adjoint,
        };
        var result = Gradient.Compute(new LogRobertsonSystem(), InitialStates, LogRobertsonSystem.TrueParameters,
            options, new SquaredErrorLoss(Targets));
        Assert.False(result.Succeeded);
        Assert.StartsWith("backward solve:", result.Message);
    }

    /// <summary>On a non-stiff problem (Lotka–Volterra) both continuous adjoints also work with rodas4 both ways.</summary>
    [Theory]
    [InlineData(GradientMethod.Adjoint)]
    [InlineData(GradientMethod.Checkpoint)]
    public void StiffMethodsDifferentiateLotkaVolterra(GradientMethod method) =>
        output.WriteLine(GradientCase.FromDefaults(new PredatorPrey(), t1: 15, saves: 150,
            target: i => 5 + 3 * Math.Sin(0.37 * i)).CheckContinuous(method, [0, 1, 2, 3], "rodas4"));

    [Fact]
    public void UnknownBackwardMethodIsNamed()
    {
        var options = new GradientOptions
        {
            Solve = new SolveOptions { Method = "rodas4", T1 = 1, SaveAt = [1] },
            Method = GradientMethod.Checkpoint,
            BackwardMethod = "rodas5",
        };
        var result = Gradient.Compute(new LogRobertsonSystem(), InitialStates, LogRobertsonSystem.TrueParameters,
            options, new SquaredErrorLoss([0, 0, 0]));
        Assert.Equal(SolveStatus.InvalidOptions, result.Status);
        Assert.Contains("BackwardMethod", result.Message);
        Assert.Contains("rodas5", result.Message);
    }

    /// <summary>Central differences (step 1e-4 in log k) of the loss from plain rodas4 solves at rtol = 1e-12.</summary>
    private static double[] FiniteDifferences()
    {
        const double step = 1e-4;
        var gradient = new double[3];
        for (var j = 0; j < 3; j++)
        {
            var plus = (double[])LogRobertsonSystem.TrueParameters.Clone();
            var minus = (double[])LogRobertsonSystem.TrueParameters.Clone();
            plus[j] += step;
            minus[j] -= step;
            gradient[j] = (Loss(plus) - Loss(minus)) / (2 * step);
        }
        return gradient;
    }

    private static double Loss(double[] parameters)
    {
        var options = new SolveOptions { Method = "rodas4", T0 = 0, T1 = 100, SaveAt = SaveAt, Rtol = 1e-12, Atol = 1e-16 };
        var solution = Integrator.Solve<double>(new LogRobertsonSystem(), InitialStates, parameters, options);
        Assert.True(solution.Succeeded, solution.Message);
        var loss = 0.0;
        for (var i = 0; i < Targets.Length; i++)
        {
            var residual = solution.States[i] - Targets[i];
            loss += 0.5 * residual * residual;
        }
        return loss;
    }
}
