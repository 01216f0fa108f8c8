using System.Globalization;
using OdeDsl.Runtime.Gradients;
using OdeDsl.Runtime.Latent;
using OdeDsl.Runtime.Solvers;
using OdeDsl.Runtime.Torch;
using TorchSharp;
using static TorchSharp.torch;

namespace OdeDsl.Examples;

/// <summary>What both runs share: the models, Adam over minibatches, and masked errors.</summary>
internal static class Training
{
    private static readonly GradientOptions SolveAndGradient = new()
    {
        Solve = new SolveOptions { Rtol = 1e-5, Atol = 1e-6 },
        Method = GradientMethod.Discrete,
    };

    /// <summary>The latent ODE over latent_dynamics.ode, with a GRU encoder or (<paramref name="odeRnn"/>) an ODE-RNN over hidden_dynamics.ode.</summary>
    public static LatentOde LatentModel(int quantityCount, double noiseScale, bool odeRnn = false) => new("latent",
        new SystemBlock("dynamics", new LatentDynamics(), SolveAndGradient),
        new LatentOdeOptions { QuantityCount = quantityCount, NoiseScale = noiseScale },
        odeRnn ? new SystemBlock("hidden", new HiddenDynamics(), SolveAndGradient) : null);

    /// <summary>
    /// Adam (Chen et al.'s learning rate 0.01) on <paramref name="loss"/> of a random minibatch of
    /// <paramref name="batchSize"/> of the <paramref name="count"/> training trajectories per iteration.
    /// </summary>
    public static void Train(string label, nn.Module model, int count, int batchSize, int iterations, Random random,
        Func<int[], Tensor> loss)
    {
        var optimizer = optim.Adam(model.parameters(), lr: 0.01);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        for (var iteration = 1; iteration <= iterations; iteration++)
        {
            var chosen = Enumerable.Range(0, count).OrderBy(_ => random.Next()).Take(batchSize).ToArray();
            optimizer.zero_grad();
            double value;
            // The scope frees this iteration's graph only; the optimizer, whose state lives across iterations, steps outside it.
            using (NewDisposeScope())
            {
                var objective = loss(chosen);
                objective.backward();
                value = objective.item<double>();
            }
            optimizer.step();
            if (iteration % Math.Max(1, iterations / 5) == 0 || iteration == 1)
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{label} iteration {iteration,4}: loss {value:G5} ({clock.Elapsed.TotalSeconds:F0} s)"));
        }
    }

    /// <summary>Mean squared error over the cells where <paramref name="weight"/> (<c>[Q, B]</c>) is 1.</summary>
    public static double MaskedMse(Tensor predictions, Tensor truth, Tensor weight)
    {
        var squared = (predictions - truth).square().sum(2) * weight;
        return squared.sum().item<double>() / (weight.sum().item<double>() * predictions.shape[2]);
    }
}
