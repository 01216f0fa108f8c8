namespace OdeDsl.Runtime.Gradients;

/// <summary>The two vector operations the discrete adjoint's step sweeps are made of.</summary>
internal static class SweepVectors
{
    public static double Dot(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        var sum = 0.0;
        for (var i = 0; i < x.Length; i++)
            sum += x[i] * y[i];
        return sum;
    }

    /// <summary><c>target += scale · values</c>.</summary>
    public static void AddScaled(Span<double> target, double scale, ReadOnlySpan<double> values)
    {
        for (var i = 0; i < target.Length; i++)
            target[i] += scale * values[i];
    }
}
