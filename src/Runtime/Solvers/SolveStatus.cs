namespace OdeDsl.Runtime.Solvers;

/// <summary>How a solve ended; every member except <see cref="Success"/> comes with a message.</summary>
public enum SolveStatus
{
    Success,

    /// <summary>The options contradict each other or the system (tolerances, save times, step sizes, sizes).</summary>
    InvalidOptions,

    /// <summary>The step size became too small to advance <c>t</c>: a singularity, blow-up or stiffness.</summary>
    StepSizeUnderflow,

    /// <summary><see cref="SolveOptions.MaxSteps"/> steps were taken before reaching <c>T1</c>.</summary>
    MaxStepsExceeded,

    /// <summary>A state or derivative became NaN or infinite.</summary>
    NonFiniteState,

    /// <summary>
    /// An implicit method's Newton iterations kept failing (or <c>I − hγJ</c> stayed singular) until the
    /// step size underflowed: a wrong Jacobian, or a problem without a nearby solution.
    /// </summary>
    ConvergenceFailure,
}
