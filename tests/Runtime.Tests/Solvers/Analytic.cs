namespace OdeDsl.Runtime.Tests.Solvers;

/// <summary>Closed-form references, independent of the solver.</summary>
public static class Analytic
{
    /// <summary>
    /// <c>exp(A·t)·y0</c> for a 2×2 matrix by the Cayley–Hamilton closed form: with <c>μ = tr A / 2</c>
    /// and <c>δ² = μ² − det A</c>, <c>exp(At) = e^(μt)·(c(t)·I + s(t)·(A − μI))</c> where <c>c = cos(ωt)</c>,
    /// <c>s = sin(ωt)/ω</c> (<c>ω² = −δ² &gt; 0</c>) or <c>cosh</c>/<c>sinh</c> when <c>δ² &gt; 0</c>.
    /// </summary>
    public static double[] MatrixExponential(double[,] a, double t, double[] y0)
    {
        if (a.GetLength(0) == 1)
            return [Math.Exp(a[0, 0] * t) * y0[0]];
        var mu = (a[0, 0] + a[1, 1]) / 2;
        var determinant = a[0, 0] * a[1, 1] - a[0, 1] * a[1, 0];
        var delta2 = mu * mu - determinant;
        double c, s;
        if (delta2 < 0)
        {
            var omega = Math.Sqrt(-delta2);
            (c, s) = (Math.Cos(omega * t), Math.Sin(omega * t) / omega);
        }
        else if (delta2 > 0)
        {
            var delta = Math.Sqrt(delta2);
            (c, s) = (Math.Cosh(delta * t), Math.Sinh(delta * t) / delta);
        }
        else
        {
            (c, s) = (1, t);
        }
        var growth = Math.Exp(mu * t);
        double m00 = c + s * (a[0, 0] - mu), m01 = s * a[0, 1], m10 = s * a[1, 0], m11 = c + s * (a[1, 1] - mu);
        return [growth * (m00 * y0[0] + m01 * y0[1]), growth * (m10 * y0[0] + m11 * y0[1])];
    }

    /// <summary>Least-squares slope of <c>log(error)</c> against <c>log(h)</c>.</summary>
    public static double FittedOrder(IReadOnlyList<double> stepSizes, IReadOnlyList<double> errors)
    {
        var x = stepSizes.Select(h => Math.Log(h)).ToArray();
        var y = errors.Select(e => Math.Log(e)).ToArray();
        double meanX = x.Average(), meanY = y.Average();
        var covariance = x.Zip(y, (xi, yi) => (xi - meanX) * (yi - meanY)).Sum();
        var variance = x.Sum(xi => (xi - meanX) * (xi - meanX));
        return covariance / variance;
    }
}
