namespace OdeDsl.Runtime.Solvers.Stiff;

/// <summary>
/// LU factorisation with partial pivoting of a small dense row-major <c>n×n</c> matrix, in place
/// (Golub &amp; Van Loan, alg. 3.4.1). Allocates nothing: the caller owns the matrix and pivot rows.
/// </summary>
internal static class DenseLu
{
    /// <summary>Overwrites <paramref name="matrix"/> with L (unit diagonal, below) and U; false when singular.</summary>
    public static bool Factor(Span<double> matrix, int n, Span<int> pivots)
    {
        for (var k = 0; k < n; k++)
        {
            var pivot = k;
            var largest = Math.Abs(matrix[k * n + k]);
            for (var i = k + 1; i < n; i++)
            {
                var candidate = Math.Abs(matrix[i * n + k]);
                if (candidate > largest)
                {
                    largest = candidate;
                    pivot = i;
                }
            }
            pivots[k] = pivot;
            // NaN compares false: a matrix with NaN entries counts as singular.
            if (!(largest > 0) || !double.IsFinite(largest))
                return false;
            if (pivot != k)
                for (var j = 0; j < n; j++)
                    (matrix[k * n + j], matrix[pivot * n + j]) = (matrix[pivot * n + j], matrix[k * n + j]);
            var inverse = 1 / matrix[k * n + k];
            for (var i = k + 1; i < n; i++)
            {
                var factor = matrix[i * n + k] *= inverse;
                if (factor == 0)
                    continue;
                for (var j = k + 1; j < n; j++)
                    matrix[i * n + j] -= factor * matrix[k * n + j];
            }
        }
        return true;
    }

    /// <summary>Solves <c>A x = b</c> with the factors of <see cref="Factor"/>; <paramref name="rightHandSide"/> becomes <c>x</c>.</summary>
    public static void Solve(ReadOnlySpan<double> factors, int n, ReadOnlySpan<int> pivots, Span<double> rightHandSide)
    {
        for (var k = 0; k < n; k++)
        {
            var pivot = pivots[k];
            if (pivot != k)
                (rightHandSide[k], rightHandSide[pivot]) = (rightHandSide[pivot], rightHandSide[k]);
        }
        for (var i = 1; i < n; i++)
        {
            var sum = rightHandSide[i];
            for (var j = 0; j < i; j++)
                sum -= factors[i * n + j] * rightHandSide[j];
            rightHandSide[i] = sum;
        }
        for (var i = n - 1; i >= 0; i--)
        {
            var sum = rightHandSide[i];
            for (var j = i + 1; j < n; j++)
                sum -= factors[i * n + j] * rightHandSide[j];
            rightHandSide[i] = sum / factors[i * n + i];
        }
    }
}
