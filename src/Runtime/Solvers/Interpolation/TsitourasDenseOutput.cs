namespace OdeDsl.Runtime.Solvers.Interpolation;

/// <summary>
/// Tsitouras' own 4th-order continuous extension (Tsitouras 2011, the <c>b_i(θ)</c> polynomials in
/// factored form); <c>b_i(1) = b_i</c>.
/// </summary>
public sealed class TsitourasDenseOutput : DenseOutput
{
    public static readonly TsitourasDenseOutput Instance = new();

    private TsitourasDenseOutput()
    {
    }

    public override int Order => 4;

    public override void Weights(double theta, Span<double> weights)
    {
        weights.Clear();
        var t = theta;
        var t2 = t * t;
        weights[0] = -1.0530884977290216 * t * (t - 1.3299890189751412) * (t2 - 1.4364028541716351 * t + 0.7139816917074209);
        weights[1] = 0.1017 * t2 * (t2 - 2.1966568338249754 * t + 1.2949852507374631);
        weights[2] = 2.490627285651252793 * t2 * (t2 - 2.38535645472061657 * t + 1.57803468208092486);
        weights[3] = -16.54810288924490272 * (t - 1.21712927295533244) * (t - 0.61620406037800089) * t2;
        weights[4] = 47.37952196281928122 * (t - 1.203071208372362603) * (t - 0.658047292653547382) * t2;
        weights[5] = -34.87065786149660974 * (t - 1.2) * (t - 0.666666666666666667) * t2;
        weights[6] = 2.5 * (t - 1) * (t - 0.6) * t2;
    }
}
