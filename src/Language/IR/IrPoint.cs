namespace OdeDsl.Language.IR;

/// <summary>Values of the leaves at which <see cref="IrEvaluator"/> evaluates nodes.</summary>
public sealed record IrPoint(
    double Time,
    IReadOnlyList<double> States,
    IReadOnlyList<double> Parameters,
    IReadOnlyList<double>? Inputs = null,
    IReadOnlyList<double>? Cotangents = null);
