namespace OdeDsl.Runtime.Gradients;

/// <summary>
/// One accepted step of a recorded forward solve: from <see cref="T"/> by <see cref="H"/>, its start and end states
/// (<c>[B, n]</c>) and every stage register (<c>[registers, B, n]</c>, laid out as in the method).
/// </summary>
internal sealed record RecordedStep(double T, double H, double[] Start, double[] End, double[] Stages);
