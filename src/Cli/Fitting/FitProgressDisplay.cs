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
    public static FitResult Run(TextWriter output, int iterations, Func<Action<FitIteration>, FitResult> fit) =>
        IsTerminal(output) ? Live(AnsiConsole.Console, iterations, fit) : Lines(output, iterations, fit);

    /// <summary>The plain lines: the first, the last and every <c>iterations/50</c>-th iteration.</summary>
    public static FitResult Lines(TextWriter output, int iterations, Func<Action<FitIteration>, FitResult> fit)
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

    /// <summary>The live progress bar on <paramref name="console"/>, left on screen when the fit ends.</summary>
    public static FitResult Live(IAnsiConsole console, int iterations, Func<Action<FitIteration>, FitResult> fit)
    {
        FitResult? result = null;
        console.Progress()
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
