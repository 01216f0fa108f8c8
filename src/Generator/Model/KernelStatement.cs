namespace OdeDsl.Generator.Model;

/// <summary>
/// <c>double Local = Value;</c> in a kernel. <c>Comment</c> (the <c>.ode</c> line it comes from,
/// e.g. <c>lotka.ode:7  dx/dt = alpha*x - beta*x*y</c>) is written above it when present.
/// </summary>
public sealed record KernelStatement(string Local, SpecExpression Value, string? Comment = null);
