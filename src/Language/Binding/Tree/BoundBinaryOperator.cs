namespace OdeDsl.Language.Binding;

/// <summary>Binary operators. All are elementwise with scalar broadcasting except <see cref="MatrixMultiply"/>; comparisons and logic give 0 or 1.</summary>
public enum BoundBinaryOperator
{
    Add,
    Subtract,
    Multiply,
    Divide,
    Power,
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
