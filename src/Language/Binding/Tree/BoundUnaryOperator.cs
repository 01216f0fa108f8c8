namespace OdeDsl.Language.Binding;

public enum BoundUnaryOperator
{
    Negate,
    /// <summary>Logical not: 1 where the operand is 0, else 0 (XPPAUT).</summary>
    Not,
}
