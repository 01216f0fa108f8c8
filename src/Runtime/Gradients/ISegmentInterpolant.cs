namespace OdeDsl.Runtime.Gradients;

/// <summary>The dense output <c>z(t)</c> of one re-solved forward segment, as the checkpointed adjoint reads it.</summary>
internal interface ISegmentInterpolant
{
    /// <summary>Memory the recorded steps hold.</summary>
    long Bytes { get; }

    /// <summary>Writes <c>z(t)</c> (<c>[B, n]</c>) for <c>t</c> inside the segment.</summary>
    void Interpolate(double t, Span<double> z);
}
