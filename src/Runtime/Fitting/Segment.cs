namespace OdeDsl.Runtime.Fitting;

/// <summary>
/// One solve of a fitting objective: rows <c>[FirstRow, FirstRow + RowCount)</c> of a trajectory, solved from
/// <see cref="StartTime"/> and a start state (<see cref="Start"/>). With multiple shooting, <see cref="NextShootingState"/>
/// names the free start state of the following segment, which this segment's end state must meet at <see cref="EndTime"/>.
/// </summary>
internal sealed record Segment(int Trajectory, int FirstRow, int RowCount, double StartTime, SegmentStart Start,
    int ShootingState, int NextShootingState, double EndTime);

/// <summary>Where a segment's start state comes from.</summary>
internal enum SegmentStart
{
    /// <summary>The model's initial state <c>z0(θ)</c> at the model's start time, differentiated.</summary>
    ModelInitial,
    /// <summary>A free multiple-shooting state (<see cref="Segment.ShootingState"/>), trained with θ.</summary>
    ShootingState,
    /// <summary>The data at the first row, where every state is observed directly (as ode_demo does).</summary>
    Data,
    /// <summary>The current model solution at the first row, held constant (no gradient through it).</summary>
    ModelSolution,
}
