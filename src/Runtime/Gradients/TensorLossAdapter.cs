using TorchSharp;
using static TorchSharp.torch;

namespace OdeDsl.Runtime.Gradients;

/// <summary>Presents a tensor loss to the gradient methods, moving the observed states to its device and back.</summary>
internal sealed class TensorLossAdapter(ITensorObservationLoss loss, int stateCount, Device device) : IObservationLoss
{
    public double Evaluate(IReadOnlyList<double> times, ReadOnlySpan<double> states, int trajectories,
        ReadOnlySpan<double> parameters, Span<double> stateGradients, Span<double> parameterGradients)
    {
        using var scope = NewDisposeScope();
        var observed = tensor(states.ToArray(), [times.Count, trajectories, stateCount], ScalarType.Float64, device);
        var theta = tensor(parameters.ToArray(), [parameters.Length], ScalarType.Float64, device);
        var value = loss.Evaluate(times, observed, theta);
        value.StateGradients.detach().to(ScalarType.Float64).cpu().reshape(-1).data<double>().CopyTo(stateGradients);
        value.ParameterGradients?.detach().to(ScalarType.Float64).cpu().reshape(-1).data<double>().CopyTo(parameterGradients);
        return value.Loss;
    }
}
