namespace OdeDsl.Runtime.Solvers.Tableaux;

/// <summary>
/// An explicit Runge–Kutta method as data: nodes <c>c</c>, the strictly lower-triangular
/// matrix <c>a</c> (row <c>i</c> holds <c>a[i][0..i-1]</c>) and the solution weights <c>b</c>.
/// The constructor checks the consistency conditions (<c>Σ_j a[i][j] = c[i]</c>, <c>Σ b = 1</c>)
/// so a mistyped coefficient fails at start-up, not as a wrong answer.
/// </summary>
public sealed class ButcherTableau
{
    private const double ConsistencyTolerance = 1e-12;

    public ButcherTableau(string name, int order, double[] c, double[][] a, double[] b)
    {
        if (c.Length != a.Length || c.Length != b.Length)
            throw new ArgumentException($"{name}: c, a and b must have one entry per stage.");
        for (var i = 0; i < a.Length; i++)
        {
            if (a[i].Length > i)
                throw new ArgumentException($"{name}: row {i} of a must have at most {i} entries (explicit method).");
            var rowSum = a[i].Sum();
            if (Math.Abs(rowSum - c[i]) > ConsistencyTolerance)
                throw new ArgumentException($"{name}: row {i} of a sums to {rowSum}, but c[{i}] = {c[i]}.");
        }
        if (Math.Abs(b.Sum() - 1) > ConsistencyTolerance)
            throw new ArgumentException($"{name}: the weights b sum to {b.Sum()}, not 1.");

        Name = name;
        Order = order;
        C = c;
        A = a;
        B = b;
        Fsal = IsFirstSameAsLast(c, a, b);
    }

    public string Name { get; }

    /// <summary>Classical order of the solution weights <c>b</c>.</summary>
    public int Order { get; }

    public IReadOnlyList<double> C { get; }

    public IReadOnlyList<double[]> A { get; }

    public IReadOnlyList<double> B { get; }

    public int Stages => C.Count;

    /// <summary>
    /// First same as last: the last stage is evaluated at <c>(t + h, y_{n+1})</c>, so it is the next
    /// step's first stage and an accepted step costs one evaluation fewer.
    /// </summary>
    public bool Fsal { get; }

    private static bool IsFirstSameAsLast(double[] c, double[][] a, double[] b)
    {
        var last = a.Length - 1;
        if (last < 1 || c[last] != 1 || b[last] != 0 || a[last].Length != last)
            return false;
        for (var j = 0; j < last; j++)
            if (a[last][j] != b[j])
                return false;
        return true;
    }
}
