using OdeDsl.Runtime.Gradients;
using OdeDsl.Runtime.Solvers;
using OdeDsl.Runtime.Systems;
using OdeDsl.Runtime.Torch;
using TorchSharp;
using static TorchSharp.torch;

namespace OdeDsl.Runtime.Tests.Torch;

/// <summary>A generated system as a TorchSharp layer: its solve against the integrator, its gradients against finite differences.</summary>
public sealed class SystemBlockTests
{
    public SystemBlockTests() => torch.set_num_threads(1);

    private static readonly double[] SaveTimes = [0.3, 0.8, 1.1, 2.0];

    private static SystemBlock Block(double tolerance, double? dt = null) => new("block", new LatentDynamics(), new GradientOptions
    {
        Solve = new SolveOptions { Rtol = tolerance, Atol = tolerance, Dt = dt },
        Method = GradientMethod.Discrete,
    });

    [Fact]
    public void Solve_returns_the_integrators_states_at_the_save_times_and_starts_at_the_defaults()
    {
        IOdeSystem system = new LatentDynamics();
        var defaults = new double[system.ParameterCount];
        system.GetDefaultParameters(defaults);
        var block = Block(1e-10);
        Assert.Equal(defaults, block.Theta.data<double>().ToArray());

        double[] z0 = [0.5, -1.0, 0.2, 1.5, 0.0, -0.3];
        var states = block.Solve(tensor(z0, ScalarType.Float64).view(2, 3), SaveTimes);
        var reference = Integrator.Solve<double>(system, z0, defaults,
            new SolveOptions { T1 = 2, SaveAt = SaveTimes, Rtol = 1e-10, Atol = 1e-10 });
        Assert.Equal([SaveTimes.Length, 2, 3], states.shape);
        Assert.Equal(reference.States, states.data<double>().ToArray());
    }

    [Fact]
    public void Gradients_with_respect_to_initial_states_and_theta_match_finite_differences_of_the_fixed_step_solve()
    {
        // Fixed steps: the discrete adjoint is then the exact gradient of the same solve the differences see
        // (with adaptive steps it holds the step sizes constant, which finite differences do not).
        torch.manual_seed(3);
        var block = Block(1e-11, dt: 0.05);
        var z0 = randn(2, 3, dtype: ScalarType.Float64);
        var targets = randn(SaveTimes.Length, 2, 3, dtype: ScalarType.Float64);
        double Loss(Tensor start)
        {
            using var noGrad = no_grad();
            return (block.Solve(start, SaveTimes) - targets).square().sum().item<double>();
        }

        var start = z0.clone().requires_grad_(true);
        (block.Solve(start, SaveTimes) - targets).square().sum().backward();

        const double step = 1e-6;
        for (var k = 0; k < 6; k++)
        {
            var (row, column) = (k / 3, k % 3);
            var original = z0[row, column].item<double>();
            z0[row, column] = original + step;
            var plus = Loss(z0);
            z0[row, column] = original - step;
            var minus = Loss(z0);
            z0[row, column] = original;
            var difference = (plus - minus) / (2 * step);
            Assert.True(Math.Abs(start.grad![row, column].item<double>() - difference) <= 1e-7 * Math.Max(1, Math.Abs(difference)),
                $"z0[{row},{column}]: gradient {start.grad![row, column].item<double>()} but finite difference {difference}");
        }

        var theta = block.Theta.detach();
        var gradient = block.Theta.grad!;
        for (var k = 0; k < theta.numel(); k += 5)
        {
            var original = theta[k].item<double>();
            theta[k] = original + step;
            var plus = Loss(z0);
            theta[k] = original - step;
            var minus = Loss(z0);
            theta[k] = original;
            var difference = (plus - minus) / (2 * step);
            Assert.True(Math.Abs(gradient[k].item<double>() - difference) <= 1e-7 * Math.Max(1, Math.Abs(difference)),
                $"θ[{k}]: gradient {gradient[k].item<double>()} but finite difference {difference}");
        }
    }

    [Fact]
    public void Initial_states_that_are_not_batch_by_state_count_are_refused_with_the_shape()
    {
        var block = Block(1e-6);
        var error = Assert.Throws<ArgumentException>(() => block.Solve(zeros(3, ScalarType.Float64), SaveTimes));
        Assert.StartsWith("LatentDynamics: initial states must be [batch, 3], not [3]", error.Message);
        error = Assert.Throws<ArgumentException>(() => block.Solve(zeros(2, 4, ScalarType.Float64), SaveTimes));
        Assert.StartsWith("LatentDynamics: initial states must be [batch, 3], not [2, 4]", error.Message);
    }

    [Fact]
    public void A_system_with_inputs_is_refused_because_nothing_would_fill_them()
    {
        var error = Assert.Throws<ArgumentException>(() => new SystemBlock("block", new FitDosing(), new GradientOptions()));
        Assert.StartsWith("FitDosing reads inputs (dose) that a system block cannot supply", error.Message);
    }
}
