using System.Diagnostics;
using System.Globalization;
using OdeDsl.Runtime.Gradients;
using OdeDsl.Runtime.Solvers;
using OdeDsl.Runtime.Tests.Gradients;

namespace OdeDsl.Benchmarks.Gradients;

/// <summary>
/// Gradients through stiff solves, method against method: Robertson's log rate constants (the case of
/// StiffGradientTests: loss <c>½ Σ (y(t_i) − target)²</c> at t = 0.4, 4, 40, 100), at three tolerances, for the
/// checkpointed adjoint with each forward/backward pair and the discrete adjoint through trbdf2's implicit stages.
/// The error is against central differences of rodas4 solves at rtol = 1e-12. Run with
/// <c>dotnet run -c Release -- stiff-gradient-table</c>; prints a Markdown table for bench/README.md. Times are the
/// best of three single runs, magnitudes only.
/// </summary>
public static class StiffGradientTable
{
    private static readonly double[] SaveAt = [0.4, 4, 40, 100];

    private static readonly double[] Targets = [.. Enumerable.Range(0, 12).Select(i => 0.1 * (i % 4) + 0.05)];

    private static readonly (GradientMethod Method, string Forward, string? Backward)[] Variants =
    [
        (GradientMethod.Checkpoint, "rodas4", "rodas4"),
        (GradientMethod.Checkpoint, "bdf", "bdf"),
        (GradientMethod.Checkpoint, "bdf", "rodas4"),
        (GradientMethod.Checkpoint, "trbdf2", "rodas4"),
        (GradientMethod.Discrete, "trbdf2", null),
    ];

    private static readonly double[] Rtols = [1e-6, 1e-8, 1e-10];

    public static void Print()
    {
        var invariant = CultureInfo.InvariantCulture;
        var reference = FiniteDifferences();
        Console.WriteLine("| method | forward / backward | rtol | relative error | time (ms) | forward nfe | backward nfe | forward / backward steps | memory |");
        Console.WriteLine("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var (method, forward, backward) in Variants)
        {
            foreach (var rtol in Rtols)
            {
                var options = new GradientOptions
                {
                    Solve = new SolveOptions { Method = forward, T1 = 100, SaveAt = SaveAt, Rtol = rtol, Atol = rtol * 1e-4 },
                    Method = method,
                    BackwardMethod = backward,
                };
                GradientResult? result = null;
                var best = double.PositiveInfinity;
                for (var run = 0; run < 3; run++)
                {
                    var watch = Stopwatch.StartNew();
                    result = Gradient.Compute(new LogRobertsonSystem(), [1, 0, 0], LogRobertsonSystem.TrueParameters, options,
                        new SquaredErrorLoss(Targets));
                    best = Math.Min(best, watch.Elapsed.TotalMilliseconds);
                }
                var pair = backward is null ? forward : $"{forward} / {backward}";
                var rtolText = rtol.ToString("0e0", invariant);
                if (!result!.Succeeded)
                {
                    Console.WriteLine($"| {method} | {pair} | {rtolText} | — ({result.Message}) | | | | | |");
                    continue;
                }
                var error = Math.Sqrt(result.Parameters.Zip(reference, (a, b) => (a - b) * (a - b)).Sum()
                    / reference.Sum(b => b * b));
                var stats = result.Stats;
                Console.WriteLine(string.Create(invariant,
                    $"| {method} | {pair} | {rtolText} | {error:E1} | {best:F0} | {stats.ForwardEvaluations} | {stats.BackwardEvaluations} | {stats.ForwardSteps} / {stats.BackwardSteps} | {stats.PeakCheckpointBytes / 1024.0:F0} KB |"));
            }
        }
    }

    /// <summary>Fourth-order central differences (step 1e-3 in log k) of the loss from rodas4 solves at rtol = 1e-12.</summary>
    private static double[] FiniteDifferences()
    {
        const double step = 1e-3;
        var gradient = new double[3];
        for (var j = 0; j < 3; j++)
        {
            double At(double offset)
            {
                var parameters = (double[])LogRobertsonSystem.TrueParameters.Clone();
                parameters[j] += offset;
                return Loss(parameters);
            }
            gradient[j] = (-At(2 * step) + 8 * At(step) - 8 * At(-step) + At(-2 * step)) / (12 * step);
        }
        return gradient;
    }

    private static double Loss(double[] parameters)
    {
        var options = new SolveOptions { Method = "rodas4", T1 = 100, SaveAt = SaveAt, Rtol = 1e-12, Atol = 1e-16, ThrowOnFailure = true };
        var solution = Integrator.Solve<double>(new LogRobertsonSystem(), [1, 0, 0], parameters, options);
        return solution.States.ToArray().Zip(Targets, (y, target) => 0.5 * (y - target) * (y - target)).Sum();
    }
}
