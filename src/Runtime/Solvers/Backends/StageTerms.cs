namespace OdeDsl.Runtime.Solvers.Backends;

/// <summary>
/// The stages a weight vector actually uses. Listed once per tableau row, so the per-step linear
/// combinations neither test for zeros nor gather (a measurable share of a small system's step).
/// </summary>
internal static class StageTerms
{
    public static int[] NonZero(ReadOnlySpan<double> weights)
    {
        var count = 0;
        foreach (var weight in weights)
            if (weight != 0)
                count++;
        var terms = new int[count];
        count = 0;
        for (var j = 0; j < weights.Length; j++)
            if (weights[j] != 0)
                terms[count++] = j;
        return terms;
    }

    public static int[] All(int count) => [.. Enumerable.Range(0, count)];
}
