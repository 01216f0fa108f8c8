namespace OdeDsl.Runtime.Gradients;

/// <summary>
/// Work and memory of one gradient. Evaluations count kernel calls on the whole batch: forward ones (the forward
/// pass and, for <see cref="GradientMethod.Checkpoint"/>, the re-solved segments) and backward ones (augmented or
/// adjoint dynamics, or stage VJPs). <see cref="PeakCheckpointBytes"/> is the most memory held at one time for
/// the backward pass besides the observed states: checkpoints and recorded steps (0 for the backsolve).
/// </summary>
public readonly record struct GradientStats(int ForwardEvaluations, int BackwardEvaluations, int ForwardSteps,
    int BackwardSteps, long PeakCheckpointBytes)
{
    public override string ToString() =>
        $"forward nfe={ForwardEvaluations}, backward nfe={BackwardEvaluations}, forward steps={ForwardSteps}, " +
        $"backward steps={BackwardSteps}, peak checkpoint memory={PeakCheckpointBytes} B";
}
