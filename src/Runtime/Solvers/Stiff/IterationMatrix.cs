namespace OdeDsl.Runtime.Solvers.Stiff;

/// <summary>
/// The LU factors of <c>I − c·J</c> for every trajectory of the batch, the matrix all three stiff
/// families solve with (<c>c = hγ</c>). Factored only when <c>c</c> or <c>J</c> changes.
/// </summary>
internal sealed class IterationMatrix
{
    private readonly StiffProblem _problem;
    private readonly double[] _factors;
    private readonly int[] _pivots;

    public IterationMatrix(StiffProblem problem)
    {
        _problem = problem;
        var n = problem.StateCount;
        _factors = new double[problem.Trajectories * n * n];
        _pivots = new int[problem.Trajectories * n];
    }

    /// <summary>The <c>c</c> the current factors belong to; NaN when there are none.</summary>
    public double Coefficient { get; private set; } = double.NaN;

    /// <summary>Forgets the factors, so the next <see cref="EnsureFactored"/> factors again.</summary>
    public void Invalidate() => Coefficient = double.NaN;

    /// <summary>Factors <c>I − c·J</c> unless the current factors already are; false when singular.</summary>
    public bool EnsureFactored(ReadOnlySpan<double> jacobian, double coefficient)
    {
        if (Coefficient == coefficient)
            return true;
        var n = _problem.StateCount;
        var block = n * n;
        _problem.LuFactorizations++;
        for (var b = 0; b < _problem.Trajectories; b++)
        {
            var matrix = _factors.AsSpan(b * block, block);
            var source = jacobian.Slice(b * block, block);
            for (var index = 0; index < block; index++)
                matrix[index] = -coefficient * source[index];
            for (var i = 0; i < n; i++)
                matrix[i * n + i] += 1;
            if (!DenseLu.Factor(matrix, n, _pivots.AsSpan(b * n, n)))
            {
                Coefficient = double.NaN;
                return false;
            }
        }
        Coefficient = coefficient;
        return true;
    }

    /// <summary>Overwrites <paramref name="rightHandSide"/> (<c>[B, n]</c>) with <c>(I − c·J)⁻¹·rightHandSide</c>.</summary>
    public void Solve(Span<double> rightHandSide)
    {
        var n = _problem.StateCount;
        for (var b = 0; b < _problem.Trajectories; b++)
            DenseLu.Solve(_factors.AsSpan(b * n * n, n * n), n, _pivots.AsSpan(b * n, n), rightHandSide.Slice(b * n, n));
    }
}
