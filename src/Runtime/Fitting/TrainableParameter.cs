namespace OdeDsl.Runtime.Fitting;

/// <summary>An entry of θ (by its flattened name, e.g. <c>alpha</c>, <c>f.W1[0,3]</c>) that the fit optimises.</summary>
public sealed record TrainableParameter(string Name, FitConstraint Constraint)
{
    public TrainableParameter(string name) : this(name, FitConstraint.None)
    {
    }
}
