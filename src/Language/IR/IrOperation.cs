namespace OdeDsl.Language.IR;

/// <summary>
/// What an <see cref="IrNode"/> computes. Leaves come first, then the scalar operations; every
/// operation's meaning over doubles is defined once, in <see cref="IrFunctions"/>.
/// </summary>
public enum IrOperation
{
    // Leaves
    Constant,
    State,
    Parameter,
    Input,
    Time,
    Cotangent,

    // Arithmetic
    Add,
    Subtract,
    Multiply,
    Divide,
    Negate,
    Power,

    // Elementary functions
    Sin,
    Cos,
    Tan,
    Asin,
    Acos,
    Atan,
    Atan2,
    Sinh,
    Cosh,
    Tanh,
    Exp,
    Log,
    Log10,
    Sqrt,
    Abs,
    Min,
    Max,
    Mod,

    // Activations of neural components (also callable as functions)
    Sigmoid,
    Relu,
    Softplus,
    Elu,

    // Step functions: derivative zero almost everywhere
    Sign,
    Heaviside,
    Floor,
    Ceiling,

    // Comparisons and logic: values 0 or 1, as in XPPAUT
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
    Equal,
    NotEqual,
    And,
    Or,
    Not,

    /// <summary><c>if(c) then(a) else(b)</c>: operands (c, a, b); c is true when non-zero.</summary>
    Conditional,
}
