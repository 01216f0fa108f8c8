using System.Globalization;
using OdeDsl.Runtime.Latent;
using ScottPlot;
using static TorchSharp.torch;

namespace OdeDsl.Examples;

/// <summary>The seed experiment: train both models on irregular spirals, score held-out ones, plot two of them.</summary>
internal static class SpiralsRun
{
    public static void Run(int iterations, string plotPath, int seed)
    {
        var random = new Random(seed);
        TorchSharp.torch.manual_seed(seed);
        var train = SpiralData.Generate(300, random);
        var test = SpiralData.Generate(100, random);
        Console.WriteLine($"spirals: {train.Count} training and {test.Count} held-out windows, " +
                          $"{train.Average(s => s.Observed.Times.Count):F1} observed points each on average");

        var latent = Training.LatentModel(2, SpiralData.NoiseScale);
        var odeRnn = Training.LatentModel(2, SpiralData.NoiseScale, odeRnn: true);
        var baseline = new GruBaseline("baseline", 2, 25);
        Console.WriteLine($"parameters: latent ODE {Count(latent)} (with the ODE-RNN encoder {Count(odeRnn)}), GRU baseline {Count(baseline)}");
        IrregularBatch Batch(IEnumerable<SpiralSample> samples) => IrregularBatch.Create([.. samples.Select(s => s.Observed)], start: 0);
        foreach (var (label, model) in new[] { ("latent ODE", latent), ("latent ODE (ODE-RNN)", odeRnn) })
        {
            Training.Train(label, model, train.Count, 50, iterations, random, chosen =>
            {
                var batch = Batch(chosen.Select(i => train[i]));
                return model.Elbo(batch, batch).Loss;
            });
        }
        Training.Train("GRU baseline", baseline, train.Count, 50, iterations, random,
            chosen => baseline.Loss(Batch(chosen.Select(i => train[i]))));

        // ── Held-out scores against the noiseless spirals ──────────────────────────────────────────
        var inputs = Batch(test);
        var grid = SpiralData.GridTimes;
        var truth = tensor(test.SelectMany(s => s.Truth).SelectMany(p => p).ToArray(), ScalarType.Float64)
            .view(test.Count, SpiralData.GridCount, 2).transpose(0, 1);
        Tensor latentPredictions, odeRnnPredictions;
        using (no_grad())
        {
            latentPredictions = latent.Decode(latent.Encode(inputs).Mean, grid);
            odeRnnPredictions = odeRnn.Decode(odeRnn.Encode(inputs).Mean, grid);
        }
        var baselinePredictions = baseline.Forecast(inputs, grid);
        var unseen = tensor(test.SelectMany(s => s.Seen.Select(seen => seen ? 0.0 : 1.0)).ToArray(), ScalarType.Float64)
            .view(test.Count, SpiralData.ObservedCount).transpose(0, 1);
        var split = SpiralData.ObservedCount;
        var everyPoint = ones(SpiralData.GridCount - split, test.Count, ScalarType.Float64);
        double Interpolation(Tensor predictions) => Training.MaskedMse(predictions[..split], truth[..split], unseen);
        double Extrapolation(Tensor predictions) => Training.MaskedMse(predictions[split..], truth[split..], everyPoint);
        Console.WriteLine("held-out mean squared error against the true spirals:");
        Console.WriteLine("| model | interpolation (unobserved t ≤ 1.85) | extrapolation (1.85 < t ≤ 3.74) |");
        Console.WriteLine("|---|---|---|");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| latent ODE, GRU encoder | {Interpolation(latentPredictions):F4} | {Extrapolation(latentPredictions):F4} |"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| latent ODE, ODE-RNN encoder | {Interpolation(odeRnnPredictions):F4} | {Extrapolation(odeRnnPredictions):F4} |"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| GRU-Δt baseline | {Interpolation(baselinePredictions):F4} | {Extrapolation(baselinePredictions):F4} |"));

        Plot(test, latentPredictions, baselinePredictions, plotPath);
    }

    private static long Count(TorchSharp.torch.nn.Module model) => model.parameters().Sum(p => p.numel());

    /// <summary>One clockwise and one counter-clockwise held-out spiral: truth, observations, the GRU-encoder latent ODE and the baseline.</summary>
    private static void Plot(List<SpiralSample> test, Tensor latent, Tensor baseline, string path)
    {
        var plot = new Plot();
        var split = SpiralData.ObservedCount;
        foreach (var b in new[] { test.FindIndex(s => s.Clockwise), test.FindIndex(s => !s.Clockwise) })
        {
            var sample = test[b];
            double[] Column(Tensor predictions, int q, int from, int to) => predictions[from..to, b, q].data<double>().ToArray();
            var truth = plot.Add.ScatterLine(sample.Truth.Select(p => p[0]).ToArray(), sample.Truth.Select(p => p[1]).ToArray(), Colors.Gray);
            var points = Enumerable.Range(0, sample.Observed.Times.Count)
                .Where(i => !double.IsNaN(sample.Observed.Value(i, 0)) && !double.IsNaN(sample.Observed.Value(i, 1))).ToArray();
            var observed = plot.Add.ScatterPoints(points.Select(i => sample.Observed.Value(i, 0)).ToArray(),
                points.Select(i => sample.Observed.Value(i, 1)).ToArray(), Colors.Black);
            var interpolated = plot.Add.ScatterLine(Column(latent, 0, 0, split + 1), Column(latent, 1, 0, split + 1), Colors.SteelBlue);
            interpolated.LineWidth = 2;
            var extrapolated = plot.Add.ScatterLine(Column(latent, 0, split, SpiralData.GridCount), Column(latent, 1, split, SpiralData.GridCount), Colors.OrangeRed);
            extrapolated.LineWidth = 2;
            var gru = plot.Add.ScatterLine(Column(baseline, 0, split, SpiralData.GridCount), Column(baseline, 1, split, SpiralData.GridCount), Colors.SeaGreen);
            gru.LinePattern = LinePattern.Dashed;
            if (b != test.FindIndex(s => s.Clockwise)) continue;
            truth.LegendText = "true spiral";
            observed.LegendText = "observations (σ = 0.3, irregular)";
            interpolated.LegendText = "latent ODE: interpolation";
            extrapolated.LegendText = "latent ODE: extrapolation";
            gru.LegendText = "GRU-Δt baseline: extrapolation";
        }
        plot.Title("Latent ODE on irregularly sampled spirals (held-out windows)");
        plot.XLabel("x");
        plot.YLabel("y");
        plot.ShowLegend(Edge.Right);
        plot.SavePng(path, 1250, 600);
        Console.WriteLine($"plot: {Path.GetFullPath(path)}");
    }
}
