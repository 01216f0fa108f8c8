namespace OdeDsl.Generator.Model;

/// <summary>
/// One element of a kernel's output row for the current trajectory: <c>row[Index] = Value</c>.
/// <c>Target</c> names the row (for a VJP: state, parameter or time cotangent).
/// </summary>
public sealed record KernelOutput(OutputTarget Target, int Index, SpecExpression Value);

/// <summary>The output rows a kernel writes per trajectory.</summary>
public enum OutputTarget
{
    /// <summary><c>derivatives[b, i]</c>, or the initial state, or the outputs of an output kernel.</summary>
    Value,
    StateCotangent,
    ParameterCotangent,
    TimeCotangent,
    /// <summary><c>jacobian[b, i, j]</c> with <c>Index = i * n + j</c>.</summary>
    Jacobian,
}
