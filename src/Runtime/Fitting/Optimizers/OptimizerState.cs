namespace OdeDsl.Runtime.Fitting.Optimizers;

/// <summary>
/// Everything an optimizer carries between iterations, as plain arrays for JSON checkpoints: Adam's moment
/// estimates (<see cref="First"/>, <see cref="Second"/>) and step count; L-BFGS's curvature pairs and step size.
/// </summary>
internal sealed class OptimizerState
{
    public int Step { get; set; }
    public double[]? First { get; set; }
    public double[]? Second { get; set; }
    public List<double[]> StepDifferences { get; set; } = [];
    public List<double[]> GradientDifferences { get; set; } = [];
    public double StepSize { get; set; }
}
