using System.Diagnostics;
using System.Globalization;
using TorchSharp;
using static TorchSharp.torch;

namespace OdeDsl.Examples.FashionMnist;

/// <summary>Minibatch training with cross-entropy, seeded shuffling, a step learning-rate schedule and per-epoch test accuracy.</summary>
public static class Trainer
{
    /// <param name="report">Receives the progress lines (one per epoch, and more with <see cref="TrainingOptions.ProgressEvery"/>).</param>
    public static TrainingResult Train(TrainingOptions options, FashionMnistData training, FashionMnistData test, Action<string> report)
    {
        torch.manual_seed(options.Seed);
        var model = Classifier.Create(options.Model, options.Augment, options.Adjoint);
        var parameters = model.ParameterCount;
        // Standardise with the training images' own mean and deviation.
        var (mean, deviation) = (training.Images.mean().item<float>(), training.Images.std().item<float>());
        Tensor Standardise(Tensor images) => (images - mean) / deviation;
        var optimizer = options.Optimizer == "sgd"
            ? (optim.Optimizer)optim.SGD(model.parameters(), options.LearningRate, momentum: 0.9)
            : optim.Adam(model.parameters(), options.LearningRate);
        var batchesPerEpoch = (int)((training.Count + options.BatchSize - 1) / options.BatchSize);
        var shuffle = new Random(options.Seed);
        var batches = new List<BatchRecord>();
        var epochs = new List<EpochRecord>();
        var clock = Stopwatch.StartNew();
        report(Line($"{options.Name}: {parameters} parameters, {training.Count} training and {test.Count} test images, ") + Line(
            $"{batchesPerEpoch} batches of {options.BatchSize} per epoch, {options.Optimizer} lr {options.LearningRate}"));

        for (var epoch = 1; epoch <= options.Epochs; epoch++)
        {
            var epochClock = Stopwatch.StartNew();
            var order = Enumerable.Range(0, (int)training.Count).ToArray();
            shuffle.Shuffle(order);
            var indices = tensor(order.Select(index => (long)index).ToArray());
            // Chen et al.'s schedule, scaled to the run: a tenth after half the epochs, a hundredth after three quarters.
            var rate = options.LearningRate * (epoch - 1 >= 3 * options.Epochs / 4.0 ? 0.01 : epoch - 1 >= options.Epochs / 2.0 ? 0.1 : 1);
            foreach (var group in optimizer.ParamGroups)
                group.LearningRate = rate;
            model.train();
            var (lossSum, correct, seen) = (0.0, 0L, 0L);
            var epochBatches = new List<BatchRecord>();
            for (var batch = 0; batch < batchesPerEpoch; batch++)
            {
                using var scope = NewDisposeScope();
                var batchClock = Stopwatch.StartNew();
                var slice = indices[(batch * options.BatchSize)..Math.Min((batch + 1) * options.BatchSize, (int)training.Count)];
                var (images, labels) = (Standardise(training.Images.index_select(0, slice)), training.Labels.index_select(0, slice));
                optimizer.zero_grad();
                var logits = model.call(images);
                var loss = nn.functional.cross_entropy(logits, labels);
                var forwardNfe = model.Stats?.Forward.FunctionEvaluations ?? 0;
                loss.backward();
                optimizer.step();
                var hits = logits.argmax(1).eq(labels).sum().item<long>();
                var record = new BatchRecord(epoch, batch + 1, loss.item<float>(), (double)hits / labels.shape[0], forwardNfe,
                    model.Stats?.Backward ?? 0, batchClock.Elapsed.TotalSeconds);
                epochBatches.Add(record);
                (lossSum, correct, seen) = (lossSum + record.Loss * labels.shape[0], correct + hits, seen + labels.shape[0]);
                if (options.ProgressEvery > 0 && (batch + 1) % options.ProgressEvery == 0)
                    report(Line($"  batch {batch + 1}/{batchesPerEpoch}: loss {lossSum / seen:F4}, accuracy {(double)correct / seen:P1}, ") + Line(
                        $"NFE {epochBatches.Average(b => b.ForwardNfe):F1}/{epochBatches.Average(b => b.BackwardNfe):F1}, ") + Line(
                        $"{epochBatches.Average(b => b.Seconds):F2} s/batch"));
            }
            batches.AddRange(epochBatches);
            var testAccuracy = Evaluate(model, test, Standardise, options.BatchSize);
            var summary = new EpochRecord(epoch, lossSum / seen, (double)correct / seen, testAccuracy,
                epochBatches.Average(b => b.ForwardNfe), epochBatches.Average(b => b.BackwardNfe), epochClock.Elapsed.TotalSeconds);
            epochs.Add(summary);
            report(Line($"epoch {epoch}/{options.Epochs}: loss {summary.Loss:F4}, train accuracy {summary.TrainAccuracy:P2}, ") + Line(
                $"test accuracy {summary.TestAccuracy:P2}, NFE forward {summary.MeanForwardNfe:F1} backward {summary.MeanBackwardNfe:F1}, ") + Line(
                $"{summary.Seconds:F0} s"));
            if (options.CheckpointDirectory is { } directory)
            {
                Directory.CreateDirectory(directory);
                model.save(Path.Combine(directory, $"{options.Model.ToString().ToLowerInvariant()}{(options.Adjoint ? "-adjoint" : "")}-epoch{epoch}.dat"));
            }
        }
        return new TrainingResult(options.Name, parameters, batches, epochs, clock.Elapsed.TotalSeconds);
    }

    /// <summary>Accuracy on a data set, without a tape.</summary>
    public static double Evaluate(Classifier model, FashionMnistData data, Func<Tensor, Tensor> standardise, int batchSize)
    {
        model.eval();
        using var noGrad = no_grad();
        var correct = 0L;
        for (var start = 0L; start < data.Count; start += batchSize)
        {
            using var scope = NewDisposeScope();
            var end = Math.Min(start + batchSize, data.Count);
            var logits = model.call(standardise(data.Images[(int)start..(int)end]));
            correct += logits.argmax(1).eq(data.Labels[(int)start..(int)end]).sum().item<long>();
        }
        return (double)correct / data.Count;
    }

    private static string Line(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
