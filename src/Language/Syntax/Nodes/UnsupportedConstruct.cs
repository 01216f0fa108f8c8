namespace OdeDsl.Language.Syntax;

/// <summary>XPPAUT constructs outside the ODE subset that the parser recognises so the binder can reject them by name.</summary>
public enum UnsupportedConstruct
{
    Table,
    Markov,
    Wiener,
    Global,
    Volterra,
    Map,
    Special,
    Set,
    BoundaryCondition,
    AlgebraicEquation,
    Export,
    Include,
}
