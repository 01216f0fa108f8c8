namespace OdeDsl.Language.Binding;

/// <summary>
/// When a value can be computed, which bounds what it may use: a `number` or `par` value only
/// constants; derived parameters and initial values also parameters and inputs; fixed
/// quantities, equations, aux and observe everything, including states and `t`.
/// </summary>
internal enum DependencyLevel
{
    Constant,
    PerSolve,
    PerStep,
}
