using OdeDsl.Examples.FashionMnist;
using TorchSharp;
using Xunit.Abstractions;

namespace OdeDsl.Runtime.Tests.Torch;

/// <summary>
/// The Fashion-MNIST example's classifiers: parameter counts against the architecture's arithmetic, and the CI-sized
/// run of the issue (the first 2000 training images, one epoch) of the ODE-Net trained through the solver.
/// </summary>
public sealed class FashionMnistTrainingTests
{
    private readonly ITestOutputHelper _output;

    public FashionMnistTrainingTests(ITestOutputHelper output)
    {
        _output = output;
        // OdeBlockTests sets one libtorch thread for the process; these convolutions want every core.
        torch.set_num_threads(Environment.ProcessorCount);
    }

    [Fact]
    public void Parameter_counts_follow_from_the_layers_and_give_the_resnet_about_three_times_the_ode_net()
    {
        // Front end: conv 1→64 3×3 and two conv 64→64 4×4 with biases, two group norms; head: norm and linear 64→10.
        const int frontEnd = (9 * 64 + 64) + 2 * (16 * 64 * 64 + 64) + 2 * 2 * 64;
        const int head = 2 * 64 + (64 * 10 + 10);
        // ResNet: 6 blocks of two bias-free 3×3 convolutions and two norms. ODE-Net: one such branch whose
        // convolutions take time as a 65th input channel and have biases.
        const int resNet = frontEnd + 6 * (2 * 9 * 64 * 64 + 2 * 2 * 64) + head;
        const int odeNet = frontEnd + 2 * (9 * 65 * 64 + 64) + 2 * 2 * 64 + head;
        const int augmented = 69; // ANODE +5: the branch on 69 channels, and a head that reads all of them.
        const int anode = frontEnd + 2 * (9 * (augmented + 1) * augmented + augmented) + 2 * 2 * augmented + 2 * augmented + augmented * 10 + 10;

        Assert.Equal(resNet, Classifier.Create(ModelKind.ResNet).ParameterCount);
        Assert.Equal(odeNet, Classifier.Create(ModelKind.OdeNet).ParameterCount);
        Assert.Equal(anode, Classifier.Create(ModelKind.Anode, augment: 5).ParameterCount);
        Assert.InRange((double)resNet / odeNet, 2.5, 3.2);
    }

    [FashionMnistFact]
    public void A_one_epoch_run_on_2000_images_lowers_the_loss_beats_chance_and_records_the_nfe()
    {
        // SGD with momentum 0.9 and learning rate 0.1, as Chen et al.: in 16 steps it gets further than Adam at 1e-3.
        var options = new TrainingOptions
        {
            Model = ModelKind.OdeNet, Subset = 2000, TestSubset = 500, Epochs = 1, Seed = 1, Optimizer = "sgd", LearningRate = 0.1,
        };
        var training = FashionMnistData.Load(options.DataDirectory, training: true, options.Subset);
        var test = FashionMnistData.Load(options.DataDirectory, training: false, options.TestSubset);
        var result = Trainer.Train(options, training, test, _output.WriteLine);
        foreach (var batch in result.Batches)
            _output.WriteLine($"batch {batch.Batch}: loss {batch.Loss:F4}, NFE {batch.ForwardNfe}/{batch.BackwardNfe}, {batch.Seconds:F1} s");

        Assert.Equal(16, result.Batches.Count);
        var (first, lastFour) = (result.Batches[0].Loss, result.Batches.TakeLast(4).Average(batch => batch.Loss));
        // An untrained classifier's loss is near ln 10 = 2.30; chance accuracy is 10 %.
        Assert.InRange(first, 2.0, 2.6);
        // Seeded, on 2 shared cores: 2.31 to 1.71 and 35 % test accuracy; the bounds leave room for libtorch's
        // thread-dependent rounding.
        Assert.True(lastFour < 0.85 * first, $"the loss went from {first} to {lastFour} (mean of the last four batches)");
        Assert.True(result.Last.TestAccuracy > 0.25, $"test accuracy {result.Last.TestAccuracy}");
        // One Dormand–Prince step costs 6 evaluations (plus the first stage and the initial step selection).
        Assert.All(result.Batches, batch => Assert.True(batch.ForwardNfe >= 8 && batch.BackwardNfe >= 6,
            $"batch {batch.Batch}: forward NFE {batch.ForwardNfe}, backward NFE {batch.BackwardNfe}"));
    }
}
