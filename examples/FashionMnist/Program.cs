using System.Globalization;
using OdeDsl.Examples.FashionMnist;
using OdeDsl.Runtime.Solvers;
using ScottPlot;

// ResNet, ODE-Net and ANODE on Fashion-MNIST (Chen et al. 2018, Table 1; Dupont et al. 2019, Sec. 5): see README.md.
//   dotnet run --project examples/FashionMnist -c Release -- --model odenet [--adjoint] [--augment 5] [--epochs 1]
//       [--subset N] [--test-subset N] [--optimizer adam|sgd] [--lr 0.001] [--seed 1] [--threads N]
//       [--data DIR] [--checkpoints DIR] [--log batches.csv] [--report report.md] [--progress-every N]
//   dotnet run --project examples/FashionMnist -c Release -- plot-nfe odenet.csv anode.csv nfe.png
try
{
    if (args.Length > 0 && args[0] == "plot-nfe")
        return PlotNfe(args[1..]);
    var (options, reportPath, threads) = Parse(args);
    if (FashionMnistData.Missing(options.DataDirectory) is { } missing)
        return Fail(missing);
    if (threads is { } count)
        TorchSharp.torch.set_num_threads(count);
    var training = FashionMnistData.Load(options.DataDirectory, training: true, options.Subset);
    var test = FashionMnistData.Load(options.DataDirectory, training: false, options.TestSubset);
    var result = Trainer.Train(options, training, test, Console.WriteLine);
    if (options.BatchLog is { } log)
        BatchLog.Write(log, result.Batches);
    Console.WriteLine();
    Console.Write(ReportTable.Header() + ReportTable.Row(result));
    if (reportPath is not null)
        ReportTable.Append(reportPath, result);
    return 0;
}
catch (Exception error) when (error is ArgumentException or FormatException or IOException or InvalidDataException or SolveException)
{
    return Fail(error.Message);
}

static int Fail(string message)
{
    Console.Error.WriteLine($"error: {message}");
    return 1;
}

static (TrainingOptions Options, string? Report, int? Threads) Parse(string[] args)
{
    var options = new TrainingOptions();
    string? report = null;
    int? threads = null;
    for (var k = 0; k < args.Length; k++)
    {
        var option = args[k];
        string Value() => k + 1 < args.Length ? args[++k] : throw new ArgumentException($"{option} needs a value");
        int Count()
        {
            var text = Value();
            return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0
                ? value : throw new ArgumentException($"{option} needs a positive integer, not '{text}'");
        }
        switch (option)
        {
            case "--model":
                var model = Value();
                options = options with
                {
                    Model = model switch
                    {
                        "resnet" => ModelKind.ResNet,
                        "odenet" => ModelKind.OdeNet,
                        "anode" => ModelKind.Anode,
                        _ => throw new ArgumentException($"--model is resnet, odenet or anode, not '{model}'"),
                    },
                };
                break;
            case "--optimizer":
                var optimizer = Value();
                options = optimizer is "sgd" or "adam"
                    ? options with { Optimizer = optimizer }
                    : throw new ArgumentException($"--optimizer is sgd or adam, not '{optimizer}'");
                break;
            case "--adjoint": options = options with { Adjoint = true }; break;
            case "--augment": options = options with { Augment = Count() }; break;
            case "--epochs": options = options with { Epochs = Count() }; break;
            case "--subset": options = options with { Subset = Count() }; break;
            case "--test-subset": options = options with { TestSubset = Count() }; break;
            case "--batch-size": options = options with { BatchSize = Count() }; break;
            case "--lr": options = options with { LearningRate = double.Parse(Value(), CultureInfo.InvariantCulture) }; break;
            case "--seed": options = options with { Seed = Count() }; break;
            case "--data": options = options with { DataDirectory = Value() }; break;
            case "--checkpoints": options = options with { CheckpointDirectory = Value() }; break;
            case "--log": options = options with { BatchLog = Value() }; break;
            case "--progress-every": options = options with { ProgressEvery = Count() }; break;
            case "--report": report = Value(); break;
            case "--threads": threads = Count(); break;
            default: throw new ArgumentException($"unknown option '{option}' (see examples/FashionMnist/README.md)");
        }
    }
    if (options.Adjoint && options.Model == ModelKind.ResNet)
        throw new ArgumentException("--adjoint applies to the ODE models (odenet, anode), not resnet");
    return (options, report, threads);
}

// Mean forward and backward NFE per batch over training, ODE-Net against ANODE, from two runs' batch logs: the mean
// of the last 25 batches, because single batches jump between neighbouring step counts and hide the trend.
static int PlotNfe(string[] paths)
{
    const int Window = 25;
    if (paths.Length != 3)
        return Fail("plot-nfe needs three paths: the ODE-Net batch log, the ANODE batch log and the PNG to write");
    var plot = new Plot();
    var highest = 0.0;
    foreach (var (path, name, color) in new[] { (paths[0], "ODE-Net", Colors.SteelBlue), (paths[1], "ANODE", Colors.OrangeRed) })
    {
        var batches = BatchLog.Read(path);
        if (batches.Count == 0)
            return Fail($"{path}: the batch log has no batches");
        var perEpoch = batches.GroupBy(b => b.Epoch).ToDictionary(g => g.Key, g => g.Max(b => b.Batch));
        var epochs = batches.Select(b => b.Epoch - 1 + (double)b.Batch / perEpoch[b.Epoch]).ToArray();
        double[] Trailing(Func<BatchRecord, int> nfe) => [.. Enumerable.Range(0, batches.Count).Select(k =>
        {
            var first = Math.Max(0, k + 1 - Window);
            return Enumerable.Range(first, k + 1 - first).Average(i => (double)nfe(batches[i]));
        })];
        var forwardMean = Trailing(b => b.ForwardNfe);
        highest = Math.Max(highest, forwardMean.Max());
        var forward = plot.Add.ScatterLine(epochs, forwardMean, color);
        forward.LegendText = $"{name} forward";
        var backward = plot.Add.ScatterLine(epochs, Trailing(b => b.BackwardNfe), color);
        backward.LegendText = $"{name} backward";
        backward.LinePattern = LinePattern.Dashed;
    }
    plot.XLabel("epoch");
    plot.YLabel($"NFE per batch (mean of the last {Window})");
    plot.ShowLegend(Alignment.LowerRight);
    // From zero, so that the gap between the models reads as a ratio.
    plot.Axes.SetLimitsY(0, 1.15 * highest);
    plot.SavePng(paths[2], 800, 450);
    Console.WriteLine($"plot: {Path.GetFullPath(paths[2])}");
    return 0;
}
