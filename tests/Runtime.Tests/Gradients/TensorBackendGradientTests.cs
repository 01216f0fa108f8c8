using OdeDsl.Runtime.Gradients;
using OdeDsl.Runtime.Systems;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace OdeDsl.Runtime.Tests.Gradients;

/// <summary>
/// The tensor entry point (generated tensor kernels and tensor VJPs, a loss written in TorchSharp) gives the same
/// gradients as the span entry point, for every method, on a batch of three trajectories of the vector model and
/// on the MLP spiral.
/// </summary>
public sealed class TensorBackendGradientTests(ITestOutputHelper output)
{
    /// <summary>The same ½ Σ (z − target)² as <see cref="SquaredErrorLoss"/>, in tensor operations.</summary>
    private sealed class TensorSquaredError(double[] targets) : ITensorObservationLoss
    {
        public TensorLossValue Evaluate(IReadOnlyList<double> times, Tensor states, Tensor parameters)
        {
            var residual = states - tensor(targets, states.shape, ScalarType.Float64, states.device);
            return new TensorLossValue(0.5 * residual.square().sum().item<double>(), residual.clone());
        }
    }

    public static TheoryData<string, GradientMethod> Cases() => new()
    {
        { "vector", GradientMethod.Adjoint }, { "vector", GradientMethod.Checkpoint }, { "vector", GradientMethod.Discrete },
        { "spiral", GradientMethod.Adjoint }, { "spiral", GradientMethod.Checkpoint }, { "spiral", GradientMethod.Discrete },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Tensor_gradients_match_span_gradients(string model, GradientMethod method)
    {
        IOdeSystem system = model == "vector" ? new VectorOps() : new SpiralMlp();
        var parameters = new double[system.ParameterCount];
        system.GetDefaultParameters(parameters);
        double[] initial = model == "vector" ? [0.5, -0.2, 0.3, 1.0, 0.4, -0.6, -0.3, 0.8, 0.1] : [2, 0, 1, 1];
        var trajectories = initial.Length / system.StateCount;
        var saveAt = Enumerable.Range(1, 10).Select(k => 0.1 * k).ToArray();
        var targets = Enumerable.Range(0, saveAt.Length * initial.Length).Select(i => 0.1 * Math.Cos(i)).ToArray();
        var options = new GradientOptions
        {
            Method = method,
            Solve = new() { Method = "dopri5", T1 = 1, SaveAt = saveAt, Rtol = 1e-7, Atol = 1e-7 },
        };

        var span = Gradient.Compute(system, initial, parameters, options, new SquaredErrorLoss(targets));
        using var states = tensor(initial, [trajectories, system.StateCount], ScalarType.Float64);
        using var theta = tensor(parameters, ScalarType.Float64);
        using var result = Gradient.Compute(system, states, theta, options, new TensorSquaredError(targets));

        Assert.True(span.Succeeded, span.Message);
        Assert.True(result.Succeeded, result.Message);
        Assert.Equal([trajectories, system.StateCount], result.InitialStates.shape);
        double[] tensorGradient = [.. result.InitialStates.data<double>(), .. result.Parameters.data<double>(), result.T0, result.T1];
        double[] spanGradient = [.. span.InitialStates, .. span.Parameters, span.T0, span.T1];
        var error = GradientCase.RelativeError(tensorGradient, spanGradient);
        output.WriteLine($"{model} {method}: relative difference {error:E2}; loss {result.Loss} vs {span.Loss}");
        // Torch's kernels round differently (fused multiply–adds), and adaptive steps follow the rounding.
        Assert.True(error <= 1e-9, $"relative difference {error:E2}");
        Assert.Equal(span.Loss, result.Loss, 1e-9);
    }
}
