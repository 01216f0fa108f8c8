namespace OdeDsl.Runtime.Solvers;

/// <summary>A relative or absolute tolerance: one value for every state, or one per state.</summary>
public sealed class Tolerance : IEquatable<Tolerance>
{
    private readonly double[] _values;

    private Tolerance(double[] values) => _values = values;

    public static Tolerance Scalar(double value) => new([value]);

    public static Tolerance PerComponent(params double[] values) => new((double[])values.Clone());

    public static implicit operator Tolerance(double value) => Scalar(value);

    public static implicit operator Tolerance(double[] values) => PerComponent(values);

    public bool IsScalar => _values.Length == 1;

    public IReadOnlyList<double> Values => _values;

    /// <summary>The value for state <paramref name="index"/>.</summary>
    public double For(int index) => IsScalar ? _values[0] : _values[index];

    // Value equality, so SolveOptions records with equal tolerances compare equal.
    public bool Equals(Tolerance? other) => other is not null && _values.AsSpan().SequenceEqual(other._values);

    public override bool Equals(object? obj) => Equals(obj as Tolerance);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var value in _values)
            hash.Add(value);
        return hash.ToHashCode();
    }

    public override string ToString() => IsScalar ? _values[0].ToString("G6") : $"[{string.Join(", ", _values)}]";
}
