namespace OdeDsl.Generator.Model;

/// <summary>
/// A scalar expression of a kernel, after CSE: shared subexpressions are <see cref="LocalReference"/>s
/// to earlier statements, so trees stay shallow. Only numbers, strings and equatable arrays, so
/// that specs compare by value.
/// </summary>
public abstract record SpecExpression;

/// <summary>A numeric constant.</summary>
public sealed record Constant(double Value) : SpecExpression
{
    public static readonly Constant Zero = new(0.0);
}

/// <summary>Component <c>Index</c> of the flattened state of the current trajectory.</summary>
public sealed record StateReference(int Index) : SpecExpression;

/// <summary>Component <c>Index</c> of the flattened parameter vector θ.</summary>
public sealed record ParameterReference(int Index) : SpecExpression;

/// <summary>Component <c>Index</c> of the cotangent <c>a</c> (the VJP's input) of the current trajectory.</summary>
public sealed record CotangentReference(int Index) : SpecExpression;

/// <summary>The time <c>t</c>.</summary>
public sealed record TimeReference : SpecExpression
{
    public static readonly TimeReference Instance = new();
}

/// <summary>The value of an earlier <see cref="KernelStatement"/>.</summary>
public sealed record LocalReference(string Name) : SpecExpression;

/// <summary>A unary operation.</summary>
public sealed record UnaryExpression(UnaryOperator Operator, SpecExpression Operand) : SpecExpression;

/// <summary>A binary operation; comparisons and logical operators yield 0 or 1, as in XPPAUT.</summary>
public sealed record BinaryExpression(BinaryOperator Operator, SpecExpression Left, SpecExpression Right) : SpecExpression;

/// <summary>A call of a built-in function of the language (lower-case name, as in the <c>.ode</c> text).</summary>
public sealed record CallExpression(string Function, EquatableArray<SpecExpression> Arguments) : SpecExpression;

/// <summary><c>Condition != 0 ? WhenTrue : WhenFalse</c>.</summary>
public sealed record ConditionalExpression(SpecExpression Condition, SpecExpression WhenTrue, SpecExpression WhenFalse) : SpecExpression;
