using OdeDsl.Runtime.Data;
using OdeDsl.Runtime.Fitting;
using OdeDsl.Runtime.Solvers;
using OdeDsl.Runtime.Systems;

namespace OdeDsl.Examples;

/// <summary>
/// The fit the example runs (and tests/Runtime.Tests checks against the published estimates): one set of ka, ke and
/// cl for all 12 subjects (a naive pooled fit), each subject solved from its own dose, normal residuals on conc.
/// </summary>
public static class TheophyllineFit
{
    /// <summary>The learned quantities, all declared <c>positive</c> in the model.</summary>
    public static IReadOnlyList<string> Learned { get; } = ["ka", "ke", "cl"];

    /// <summary>Time column <c>Time</c> (found by name), one trajectory per <c>Subject</c>, the dose from <c>Dose</c>; <c>Wt</c> is not used.</summary>
    public static ObservationTable Read(string path) => ObservationCsv.Read(path, new ObservationTableOptions
    {
        Observed = ["conc"],
        Inputs = ["Dose"],
        TrajectoryColumn = "Subject",
        ModelStart = 0,
    });

    public static FitOptions Options { get; } = new()
    {
        Solve = new SolveOptions { Rtol = 1e-8, Atol = 1e-8 },
        Trainable = [.. Learned.Select(name => new TrainableParameter(name, FitConstraint.Positive))],
        Optimizer = FitOptimizer.Lbfgs,
        LearningRate = 0.1,
        Iterations = 40,
    };

    public static FitResult Run<TSystem>(TSystem system, ObservationTable table) where TSystem : IOdeSystem, IOdeOutputs =>
        Fitter.Fit(system, table, Options);
}
