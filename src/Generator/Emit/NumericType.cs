namespace OdeDsl.Generator.Emit;

/// <summary>
/// The floating-point type a CPU kernel is specialised for. Two textual specialisations (rather
/// than one generic method over IFloatingPointIeee754) keep literals and Math calls exact and
/// leave nothing for the JIT to fold.
/// </summary>
public sealed class NumericType
{
    public static readonly NumericType Double = new("double", "global::System.Math", Literals.Double);
    public static readonly NumericType Single = new("float", "global::System.MathF", Literals.Single);

    private readonly System.Func<double, string> literal;

    private NumericType(string keyword, string math, System.Func<double, string> literal)
    {
        Keyword = keyword;
        Math = math;
        this.literal = literal;
    }

    /// <summary><c>double</c> or <c>float</c>.</summary>
    public string Keyword { get; }

    /// <summary>The class holding the elementary functions for this type.</summary>
    public string Math { get; }

    public string Literal(double value) => literal(value);

    public string Zero => literal(0.0);

    public string One => literal(1.0);
}
