namespace OdeDsl.Runtime.Solvers.Interpolation;

/// <summary>
/// Cubic Hermite interpolation through <c>y_n, f_n, y_{n+1}, f_{n+1}</c>, for methods without their own
/// continuous extension. Since <c>y_{n+1} − y_n = h·Σ b_j k_j</c>, it is stage weights too:
/// <c>w = h01(θ)·b + h10(θ)·e_0 + h11(θ)·e_end</c>.
/// </summary>
public sealed class HermiteDenseOutput(IReadOnlyList<double> b, int endRegister) : DenseOutput
{
    public override int Order => 3;

    public override void Weights(double theta, Span<double> weights)
    {
        weights.Clear();
        var theta2 = theta * theta;
        var theta3 = theta2 * theta;
        var h01 = -2 * theta3 + 3 * theta2;
        var h10 = theta3 - 2 * theta2 + theta;
        var h11 = theta3 - theta2;
        for (var j = 0; j < b.Count; j++)
            weights[j] = h01 * b[j];
        weights[0] += h10;
        weights[endRegister] += h11;
    }
}
