namespace OdeDsl.Language.IR;

/// <summary>A flattened <c>aux</c> output reported beside the states.</summary>
public sealed record IrAuxiliary(string Name, IrNode Value);

/// <summary>
/// A flattened <c>observe</c> output: <paramref name="Name"/> is the component's name (<c>y[0]</c>),
/// <paramref name="DataColumn"/> the data column it is compared with by default.
/// </summary>
public sealed record IrObservation(string Name, string DataColumn, IrNode Value, ObservationNoise Noise);

public enum ObservationNoise
{
    /// <summary>Squared residuals.</summary>
    Normal,
    /// <summary>Squared residuals of logarithms (positive quantities).</summary>
    LogNormal,
}
