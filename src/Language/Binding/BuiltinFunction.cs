namespace OdeDsl.Language.Binding;

/// <summary>The builtin functions of DSL.md §3 and §4 (`ln` binds to <see cref="Log"/>, `heav` to <see cref="Heaviside"/>, `flr` to <see cref="Floor"/>, `ceil` to <see cref="Ceiling"/>).</summary>
public enum BuiltinFunction
{
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
    Sign,
    Heaviside,
    Min,
    Max,
    Mod,
    Pow,
    Sigmoid,
    Relu,
    Softplus,
    Elu,
    Floor,
    Ceiling,
    /// <summary>Sum of a vector's elements (a scalar).</summary>
    Sum,
    /// <summary>Dot product of two vectors of one length (a scalar).</summary>
    Dot,
}
