namespace OdeDsl.Language.Syntax;

public enum EquationForm
{
    /// <summary>`x' = expr`.</summary>
    Prime,
    /// <summary>`dx/dt = expr`.</summary>
    Differential,
}
