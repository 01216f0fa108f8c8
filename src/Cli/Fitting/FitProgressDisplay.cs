using System.Globalization;
using OdeDsl.Runtime.Fitting;
using Spectre.Console;

namespace OdeDsl.Cli.Fitting;

/// <summary>
/// Shows a running fit: a live Spectre.Console progress bar (loss, NFE forward/backward, time per iteration,
/// ETA) on a terminal, or plain lines (at most about 50 per fit) when the output is a file or a pipe.
/// </summary>
internal static class FitProgressDisplay
{
    public static bool IsTerminal(TextWriter output) =>
        ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected && AnsiConsole.Profile.Capabilities.Interactive;

    /// <summary>Runs <paramref name="fit"/>, handing it the progress callback to use.</summary>
    public static FitResult Run(TextWriter output, int iterations, Func<Action<FitIteration>, FitResult> fit)
    {
        if (!IsTerminal(output))
        {
            var every = Math.Max(1, iterations / 50);
            var total = TimeSpan.Zero;
            return fit(iteration =>
            {
                total += iteration.Duration;
                if (iteration.Iteration % every == 0 || iteration.Iteration == iteration.Iterations || iteration.Iteration == 1)
                    output.WriteLine(Line(iteration, total));
            });
        }
        FitResult? result = null;
        AnsiConsole.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(),
                new ElapsedTimeColumn(), new RemainingTimeColumn())
            .Start(context =>
            {
                var task = context.AddTask("fitting", maxValue: iterations);
                var total = TimeSpan.Zero;
                result = fit(iteration =>
                {
                    total += iteration.Duration;
                    task.Description = Markup.Escape(Line(iteration, total));
                    task.Value = iteration.Iteration;
                });
                task.StopTask();
            });
        return result!;
    }

    private static string Line(FitIteration iteration, TimeSpan total)
    {
        var perIteration = total.TotalSeconds / Math.Max(1, iteration.Iteration);
        var eta = perIteration * (iteration.Iterations - iteration.Iteration);
        return string.Create(CultureInfo.InvariantCulture,
            $"iteration {iteration.Iteration}/{iteration.Iterations}  loss {iteration.Loss:G6}  nfe {iteration.ForwardEvaluations} fwd / {iteration.BackwardEvaluations} bwd  {perIteration:F3} s/it  ETA {eta:F0} s");
    }
}
