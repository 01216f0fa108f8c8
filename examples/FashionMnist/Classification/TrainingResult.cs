namespace OdeDsl.Examples.FashionMnist;

/// <summary>One minibatch: its loss and accuracy before the update, the ODE block's NFE (0 for the ResNet), and its time.</summary>
public readonly record struct BatchRecord(int Epoch, int Batch, double Loss, double Accuracy, int ForwardNfe, int BackwardNfe,
    double Seconds);

/// <summary>One epoch: the running training loss and accuracy over its batches, and the test accuracy after it.</summary>
public readonly record struct EpochRecord(int Epoch, double Loss, double TrainAccuracy, double TestAccuracy,
    double MeanForwardNfe, double MeanBackwardNfe, double Seconds);

/// <summary>A training run: every batch and epoch, the model's parameter count and the wall time.</summary>
public sealed record TrainingResult(string Name, long Parameters, IReadOnlyList<BatchRecord> Batches,
    IReadOnlyList<EpochRecord> Epochs, double Seconds)
{
    public EpochRecord Last => Epochs[^1];

    public double MeanForwardNfe => Batches.Average(batch => (double)batch.ForwardNfe);

    public double MeanBackwardNfe => Batches.Average(batch => (double)batch.BackwardNfe);
}
