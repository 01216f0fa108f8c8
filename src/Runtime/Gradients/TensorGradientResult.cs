using OdeDsl.Runtime.Solvers;
using TorchSharp;
using static TorchSharp.torch;

namespace OdeDsl.Runtime.Gradients;

/// <summary>
/// <see cref="GradientResult"/> for the tensor backend: the gradients as float64 tensors on the solve's device
/// (<c>[B, n]</c> and <c>[p]</c>). Dispose it when done.
/// </summary>
public sealed class TensorGradientResult : IDisposable
{
    private TensorGradientResult(GradientResult result, Tensor initialStates, Tensor parameters)
    {
        Loss = result.Loss;
        InitialStates = initialStates;
        Parameters = parameters;
        T0 = result.T0;
        T1 = result.T1;
        Stats = result.Stats;
        Status = result.Status;
        Message = result.Message;
    }

    public double Loss { get; }

    /// <summary><c>dL/dz(t0)</c>, <c>[B, n]</c>.</summary>
    public Tensor InitialStates { get; }

    /// <summary><c>dL/dθ</c>, <c>[p]</c>, summed over the batch.</summary>
    public Tensor Parameters { get; }

    public double T0 { get; }

    public double T1 { get; }

    public GradientStats Stats { get; }

    public SolveStatus Status { get; }

    public string Message { get; }

    public bool Succeeded => Status == SolveStatus.Success;

    internal static TensorGradientResult From(GradientResult result, Device device, int stateCount)
    {
        var trajectories = result.InitialStates.Length / Math.Max(1, stateCount);
        return new TensorGradientResult(result,
            tensor(result.InitialStates, [trajectories, stateCount], ScalarType.Float64, device),
            tensor(result.Parameters, [result.Parameters.Length], ScalarType.Float64, device));
    }

    public void Dispose()
    {
        InitialStates.Dispose();
        Parameters.Dispose();
    }
}
