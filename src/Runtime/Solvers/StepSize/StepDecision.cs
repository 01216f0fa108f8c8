namespace OdeDsl.Runtime.Solvers.StepSize;

/// <summary>Whether to keep the step just tried, and the step size to try next.</summary>
internal readonly record struct StepDecision(bool Accept, double NextStep);
