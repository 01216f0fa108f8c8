namespace OdeDsl.Runtime.Solvers.Stiff;

/// <summary>
/// Sees every accepted step of a stiff solve with the data of a cubic Hermite interpolant (the one-step methods' own
/// dense output; for BDF, a stand-in for its interpolating polynomial), so gradients can interpolate the forward
/// solution later (the stiff counterpart of <see cref="IStepObserver"/>).
/// </summary>
internal interface IStiffStepObserver
{
    /// <summary>The step from <paramref name="t"/> to <paramref name="tNew"/>; spans are <c>[B, n]</c> and only valid during the call.</summary>
    void Accepted(double t, double tNew, ReadOnlySpan<double> start, ReadOnlySpan<double> startDerivative,
        ReadOnlySpan<double> end, ReadOnlySpan<double> endDerivative);
}
