using OdeDsl.Runtime.Gradients;
using static TorchSharp.torch;

namespace OdeDsl.Runtime.Torch;

/// <summary>
/// Inside an autograd backward pass the "loss" seen by the runtime's gradient methods is linear:
/// <c>L = Σ_i ⟨g_i, z(t_i)⟩</c> with <c>g</c> the gradient arriving from the rest of the network, so
/// <c>∂L/∂z(t_i) = g_i</c> and the methods return exactly the vector–Jacobian product the graph needs.
/// </summary>
internal sealed class IncomingGradientLoss(Tensor incoming) : ITensorObservationLoss
{
    public TensorLossValue Evaluate(IReadOnlyList<double> times, Tensor states, Tensor parameters)
    {
        var gradient = incoming.to(states.dtype, states.device);
        return new TensorLossValue((gradient * states).sum().item<double>(), gradient.clone());
    }
}
