using OdeDsl.Runtime.Solvers;
using OdeDsl.Runtime.Solvers.Backends;

namespace OdeDsl.Runtime.Gradients;

/// <summary>
/// Keeps every accepted step of a forward solve (states and all stages, including the dense output's extra
/// stages) so a backward pass can interpolate the solution or backpropagate through the steps.
/// </summary>
internal sealed class StepRecorder(SpanBackend<double> backend, RungeKuttaMethod method) : IStepObserver, ISegmentInterpolant
{
    private readonly List<RecordedStep> _steps = [];
    private readonly double[] _weights = new double[method.RegisterCount];

    public bool NeedsExtraStages => method.DenseOutput.ExtraNodes.Count > 0;

    public IReadOnlyList<RecordedStep> Steps => _steps;

    public RungeKuttaMethod Method => method;

    /// <summary>Memory the recorded steps hold.</summary>
    public long Bytes => _steps.Count * (long)(method.RegisterCount + 2) * backend.Trajectories * backend.StateCount * sizeof(double);

    public void Accepted(double t, double h)
    {
        var size = backend.Trajectories * backend.StateCount;
        var stages = new double[method.RegisterCount * size];
        for (var k = 0; k < method.RegisterCount; k++)
            backend.Stage(k).CopyTo(stages.AsSpan(k * size, size));
        _steps.Add(new RecordedStep(t, h, backend.State(StateRegister.Current).ToArray(),
            backend.State(StateRegister.Candidate).ToArray(), stages));
    }

    /// <summary>The dense output <c>z(t)</c> (<c>[B, n]</c>) of the recorded solve, for <c>t</c> inside it.</summary>
    public void Interpolate(double t, Span<double> z)
    {
        var step = _steps[FindStep(t)];
        var theta = Math.Clamp((t - step.T) / step.H, 0.0, 1.0);
        _weights.AsSpan().Clear();
        method.DenseOutput.Weights(theta, _weights);
        step.Start.CopyTo(z);
        var size = z.Length;
        for (var k = 0; k < _weights.Length; k++)
        {
            var weight = step.H * _weights[k];
            if (weight == 0)
                continue;
            var stage = step.Stages.AsSpan(k * size, size);
            for (var i = 0; i < size; i++)
                z[i] += weight * stage[i];
        }
    }

    private int FindStep(double t)
    {
        int low = 0, high = _steps.Count - 1;
        while (low < high)
        {
            var middle = (low + high + 1) / 2;
            if (_steps[middle].T <= t)
                low = middle;
            else
                high = middle - 1;
        }
        return low;
    }
}
