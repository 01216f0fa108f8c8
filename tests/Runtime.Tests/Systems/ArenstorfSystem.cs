using TorchSharp;
using static TorchSharp.torch;

namespace OdeDsl.Runtime.Tests.Systems;

/// <summary>
/// The restricted three-body problem with Arenstorf's periodic orbit (Hairer, Nørsett &amp; Wanner I,
/// II.0, eq. 0.1): states <c>(x, y, x', y')</c>, parameter μ (the moon's mass ratio).
/// </summary>
public sealed class ArenstorfSystem : TestSystem
{
    public const double Mu = 0.012277471;

    /// <summary>The orbit's period.</summary>
    public const double Period = 17.0652165601579625588917206249;

    public static readonly double[] Start = [0.994, 0, 0, -2.00158510637908252240537862224];

    public override string Name => "Arenstorf";

    public override IReadOnlyList<string> StateNames => ["x", "y", "vx", "vy"];

    public override IReadOnlyList<string> ParameterNames => ["mu"];

    public override void GetDefaultParameters(Span<double> parameters) => parameters[0] = Mu;

    public override void GetInitialState(ReadOnlySpan<double> parameters, Span<double> state) => Start.CopyTo(state);

    protected override void Evaluate<T>(T t, ReadOnlySpan<T> state, ReadOnlySpan<T> parameters, Span<T> derivative)
    {
        var mu = parameters[0];
        var muPrime = T.One - mu;
        T x = state[0], y = state[1], vx = state[2], vy = state[3];
        var r1 = T.Sqrt((x + mu) * (x + mu) + y * y);
        var r2 = T.Sqrt((x - muPrime) * (x - muPrime) + y * y);
        var d1 = r1 * r1 * r1;
        var d2 = r2 * r2 * r2;
        var two = Constant<T>(2);
        derivative[0] = vx;
        derivative[1] = vy;
        derivative[2] = x + two * vy - muPrime * (x + mu) / d1 - mu * (x - muPrime) / d2;
        derivative[3] = y - two * vx - muPrime * y / d1 - mu * y / d2;
    }

    protected override Tensor EvaluateBatch(Tensor t, Tensor states, Tensor parameters)
    {
        var mu = parameters[0];
        var muPrime = 1 - mu;
        var x = states[TensorIndex.Colon, 0];
        var y = states[TensorIndex.Colon, 1];
        var vx = states[TensorIndex.Colon, 2];
        var vy = states[TensorIndex.Colon, 3];
        var d1 = ((x + mu).square() + y.square()).pow(1.5);
        var d2 = ((x - muPrime).square() + y.square()).pow(1.5);
        var ax = x + 2 * vy - muPrime * (x + mu) / d1 - mu * (x - muPrime) / d2;
        var ay = y - 2 * vx - muPrime * y / d1 - mu * y / d2;
        return stack([vx, vy, ax, ay], dim: 1);
    }
}
