using static TorchSharp.torch;

namespace OdeDsl.Runtime.Gradients;

/// <summary>A loss on the solution at the observation times, for the tensor backend.</summary>
public interface ITensorObservationLoss
{
    /// <summary>
    /// <paramref name="states"/> is <c>[saves, B, n]</c> (float64, on the solve's device). Returns <c>L</c>, <c>∂L/∂z(t_i)</c>
    /// (<c>[saves, B, n]</c>) and optionally a direct <c>∂L/∂θ</c> (<c>[p]</c>); the callee owns neither input nor outputs
    /// after returning (the caller disposes the outputs).
    /// </summary>
    TensorLossValue Evaluate(IReadOnlyList<double> times, Tensor states, Tensor parameters);
}

/// <summary>A loss value with its gradient with respect to the observed states and, if any, the parameters.</summary>
public sealed record TensorLossValue(double Loss, Tensor StateGradients, Tensor? ParameterGradients = null);
