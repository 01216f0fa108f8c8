namespace OdeDsl.Examples.FashionMnist;

/// <summary>What one training run does; the command line's options (see README.md).</summary>
public sealed record TrainingOptions
{
    public ModelKind Model { get; init; } = ModelKind.OdeNet;

    /// <summary>Backpropagate by the adjoint instead of through the solver (ODE models only).</summary>
    public bool Adjoint { get; init; }

    /// <summary>Zero channels appended to the ANODE state.</summary>
    public int Augment { get; init; } = 5;

    public int Epochs { get; init; } = 1;

    /// <summary>Train on the first this many training images (the set has 60 000).</summary>
    public int Subset { get; init; } = 60_000;

    /// <summary>Test on the first this many test images (the set has 10 000).</summary>
    public int TestSubset { get; init; } = 10_000;

    public int BatchSize { get; init; } = 128;

    /// <summary>"sgd" (momentum 0.9, Chen et al.'s choice) or "adam".</summary>
    public string Optimizer { get; init; } = "sgd";

    /// <summary>The initial learning rate; divided by 10 after half and again after three quarters of the epochs.</summary>
    public double LearningRate { get; init; } = 0.1;

    public int Seed { get; init; } = 1;

    public string DataDirectory { get; init; } = FashionMnistData.PackageDirectory;

    /// <summary>Where the model is saved after each epoch; <c>null</c> saves nothing.</summary>
    public string? CheckpointDirectory { get; init; }

    /// <summary>A CSV of every batch's loss, accuracy, NFE and time; <c>null</c> writes none.</summary>
    public string? BatchLog { get; init; }

    /// <summary>Write one line per this many batches between the epoch lines (0: epoch lines only).</summary>
    public int ProgressEvery { get; init; }

    public string Name => Model switch
    {
        ModelKind.ResNet => "ResNet",
        ModelKind.OdeNet => Adjoint ? "ODE-Net (adjoint)" : "ODE-Net (backprop)",
        _ => $"ANODE +{Augment} ({(Adjoint ? "adjoint" : "backprop")})",
    };
}
