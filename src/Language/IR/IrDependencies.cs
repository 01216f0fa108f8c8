namespace OdeDsl.Language.IR;

/// <summary>Which kinds of leaves a node depends on; decides hoisting and which derivatives can be non-zero.</summary>
[Flags]
public enum IrDependencies
{
    None = 0,
    State = 1,
    Parameter = 2,
    Input = 4,
    Time = 8,
    Cotangent = 16,
}
