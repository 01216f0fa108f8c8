namespace OdeDsl.Language.Syntax;

public enum BinaryOperator
{
    Add,
    Subtract,
    Multiply,
    Divide,
    /// <summary>`^` or `**`, elementwise on vectors.</summary>
    Power,
    /// <summary>`@`, matrix–vector (or matrix–matrix) product.</summary>
    MatrixMultiply,
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
    Equal,
    NotEqual,
    And,
    Or,
}
