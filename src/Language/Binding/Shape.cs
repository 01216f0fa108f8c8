namespace OdeDsl.Language.Binding;

/// <summary>The shape of a value: a scalar, a vector of <see cref="Rows"/> elements, or a <see cref="Rows"/>×<see cref="Columns"/> matrix (row-major).</summary>
public sealed record Shape(int Rank, int Rows, int Columns)
{
    public static Shape Scalar { get; } = new(0, 1, 1);

    public static Shape Vector(int length) => new(1, length, 1);

    public static Shape Matrix(int rows, int columns) => new(2, rows, columns);

    public bool IsScalar => Rank == 0;

    public bool IsVector => Rank == 1;

    public bool IsMatrix => Rank == 2;

    /// <summary>The number of scalar elements.</summary>
    public int Size => Rows * Columns;

    public override string ToString() => Rank switch
    {
        0 => "a scalar",
        1 => $"a vector of {Rows}",
        _ => $"a {Rows}x{Columns} matrix",
    };
}
