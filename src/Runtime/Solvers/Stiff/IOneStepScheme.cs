namespace OdeDsl.Runtime.Solvers.Stiff;

/// <summary>How a one-step stiff scheme's attempt at a step ended.</summary>
internal enum StepAttempt
{
    /// <summary>The candidate and (for adaptive schemes) its error estimate are written.</summary>
    Computed,

    /// <summary>The Newton iterations diverged or did not converge in time, even with a fresh Jacobian.</summary>
    NewtonFailed,

    /// <summary><c>I − hγJ</c> is singular.</summary>
    SingularMatrix,
}

/// <summary>
/// One step of a one-step stiff method (Rosenbrock, ESDIRK) over a <c>[B, n]</c> batch, for
/// <see cref="OneStepLoop"/>, which owns step-size control, dense output, limits and messages.
/// </summary>
internal interface IOneStepScheme
{
    int Order { get; }

    /// <summary>The exponent base of the step-size controller; <c>null</c> for fixed-step schemes.</summary>
    int? ControllerOrder { get; }

    /// <summary>
    /// Keeps the step size when the controller would grow it by less than 20 %, so the LU of
    /// <c>I − hγJ</c> can be reused (schemes whose Jacobian outlives a step).
    /// </summary>
    bool HoldsSmallGrowth { get; }

    /// <summary>Writes <c>y(t + h)</c> into <paramref name="candidate"/> and the local error into <paramref name="error"/>.</summary>
    /// <param name="derivative"><c>f(t, current)</c>.</param>
    StepAttempt TryStep(double t, double h, ReadOnlySpan<double> current, ReadOnlySpan<double> derivative,
        Span<double> candidate, Span<double> error);

    /// <summary>The step from <c>t</c> was accepted; state-dependent data from it is now stale.</summary>
    void Accepted();
}
