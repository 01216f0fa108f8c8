using OdeDsl.Cli.Fitting;
using OdeDsl.Runtime.Fitting;
using Spectre.Console.Testing;

namespace OdeDsl.Cli.Tests;

/// <summary>
/// The live progress bar of <c>odedsl fit</c> on an interactive ANSI console (Spectre's TestConsole), fed iterations
/// with known counts and durations so that time per iteration and ETA are exact: 10 iterations of 1 s each.
/// </summary>
public sealed class FitProgressDisplayTests
{
    private static FitResult FakeFit(Action<FitIteration> progress, int pauseAfter)
    {
        for (var i = 1; i <= 10; i++)
        {
            progress(new FitIteration(i, 10, 1.0 / i, 120, 300 + i, TimeSpan.FromSeconds(1)));
            // Long enough for the bar's refresh (every 100 ms) to draw this state on a busy machine.
            if (i == pauseAfter) Thread.Sleep(1000);
        }
        return new FitResult(["k"], [0.5], ["k"], 0.1, [], true, "10 iterations");
    }

    [Fact]
    public void Live_bar_shows_iteration_loss_evaluations_time_per_iteration_and_eta()
    {
        var console = new TestConsole().Width(200).Interactive().SupportsAnsi(true).EmitAnsiSequences();

        var result = FitProgressDisplay.Live(console, 10, progress => FakeFit(progress, pauseAfter: 4));

        Assert.Equal("10 iterations", result.Message);
        var screen = console.Output;
        // Cursor movement: the live renderer, not the plain fallback.
        Assert.Contains("\u001b[", screen);
        // Mid-way: 4 s spent over 4 iterations, 6 to go.
        Assert.Contains("iteration 4/10  loss 0.25  nfe 120 fwd / 304 bwd  1.000 s/it  ETA 6 s", screen);
        Assert.Contains("40%", screen);
        // The final state stays on screen.
        Assert.Contains("iteration 10/10  loss 0.1  nfe 120 fwd / 310 bwd  1.000 s/it  ETA 0 s", screen);
        Assert.Contains("100%", screen);
    }

    [Fact]
    public void Plain_lines_show_the_same_figures_one_line_per_iteration_in_a_short_fit()
    {
        var output = new StringWriter();

        FitProgressDisplay.Lines(output, 10, progress => FakeFit(progress, pauseAfter: 0));

        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(10, lines.Length);
        Assert.Equal("iteration 4/10  loss 0.25  nfe 120 fwd / 304 bwd  1.000 s/it  ETA 6 s", lines[3]);
    }
}
