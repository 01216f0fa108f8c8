namespace OdeDsl.Cli.Simulation;

/// <summary>The command-line settings of <c>odedsl simulate</c>; null means "not given".</summary>
internal sealed record SimulateArguments(
    double? T0,
    double? T1,
    double? Total,
    double? Dt,
    IReadOnlyList<double>? SaveAt,
    string? Method,
    double? Rtol,
    double? Atol,
    IReadOnlyList<(string Name, double Value)> Assignments);
