using OdeDsl.Runtime.Solvers;

namespace OdeDsl.Runtime.Torch;

/// <summary>Keeps the start time of every accepted step of a solve, for <see cref="TapedSolve.Replay"/>.</summary>
internal sealed class StepStartRecorder : IStepObserver
{
    private readonly List<double> _starts = [];

    public IReadOnlyList<double> Starts => _starts;

    public bool NeedsExtraStages => false;

    public void Accepted(double t, double h) => _starts.Add(t);
}
