namespace OdeDsl.Runtime.Solvers.Backends;

/// <summary>The <c>[B, n]</c> state buffers a backend keeps besides the stage registers.</summary>
internal enum StateRegister
{
    /// <summary><c>y_n</c>, the last accepted state.</summary>
    Current,

    /// <summary><c>y_{n+1}</c>, the step being tried.</summary>
    Candidate,

    /// <summary>The argument of the next stage evaluation.</summary>
    StageInput,

    /// <summary>A dense-output value on its way to a save slot.</summary>
    Interpolated,
}
