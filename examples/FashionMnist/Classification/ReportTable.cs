using System.Globalization;

namespace OdeDsl.Examples.FashionMnist;

/// <summary>
/// The results table in the layout of Chen et al. (2018)'s Table 1 and Dupont et al. (2019)'s NFE tables, as Markdown:
/// a file gets the header (with both parameter counts, counted from freshly built models) once, then one row per run.
/// </summary>
public static class ReportTable
{
    public static string Header()
    {
        var (resNet, odeNet) = (Classifier.Create(ModelKind.ResNet).ParameterCount, Classifier.Create(ModelKind.OdeNet).ParameterCount);
        return Format($"Parameters counted from the models: ResNet {resNet}, ODE-Net {odeNet}, ratio {(double)resNet / odeNet:F2} : 1.\n\n") +
            "| Model | Train accuracy | Test accuracy | Parameters | Epochs | Wall time | Forward NFE / batch | Backward NFE / batch |\n" +
            "|---|---|---|---|---|---|---|---|\n";
    }

    /// <summary>Train accuracy is the running accuracy over the last epoch's batches (before each update).</summary>
    public static string Row(TrainingResult result) =>
        Format($"| {result.Name} | {result.Last.TrainAccuracy:P2} | {result.Last.TestAccuracy:P2} | {result.Parameters} | ") +
            Format($"{result.Epochs.Count} | {result.Seconds / 60:F1} min | {Nfe(result.MeanForwardNfe)} | {Nfe(result.MeanBackwardNfe)} |\n");

    /// <summary>Adds the run's row to the file, writing the header first where the file is new.</summary>
    public static void Append(string path, TrainingResult result)
    {
        if (!File.Exists(path))
            File.WriteAllText(path, Header());
        File.AppendAllText(path, Row(result));
    }

    private static string Nfe(double mean) => mean == 0 ? "–" : Format($"{mean:F1}");

    private static string Format(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
