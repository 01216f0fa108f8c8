using TorchSharp;
using static TorchSharp.torch;

namespace OdeDsl.Runtime.Tests.Systems;

/// <summary><c>y' = y²</c>, <c>y(0) = 1</c>: <c>y = 1/(1 − t)</c> blows up at <c>t = 1</c>.</summary>
public sealed class BlowUpSystem : TestSystem
{
    public override string Name => "BlowUp";

    public override IReadOnlyList<string> StateNames => ["y"];

    public override void GetInitialState(ReadOnlySpan<double> parameters, Span<double> state) => state[0] = 1;

    protected override void Evaluate<T>(T t, ReadOnlySpan<T> state, ReadOnlySpan<T> parameters, Span<T> derivative) =>
        derivative[0] = state[0] * state[0];

    protected override Tensor EvaluateBatch(Tensor t, Tensor states, Tensor parameters) => states.square();
}

/// <summary>
/// <c>level' = −√(1 − t)</c>: defined only up to <c>t = 1</c>, where its right-hand side turns NaN,
/// as a model with a square root of a quantity that goes negative does.
/// </summary>
public sealed class DomainEdgeSystem : TestSystem
{
    public override string Name => "DomainEdge";

    public override IReadOnlyList<string> StateNames => ["level"];

    public override void GetInitialState(ReadOnlySpan<double> parameters, Span<double> state) => state[0] = 1;

    protected override void Evaluate<T>(T t, ReadOnlySpan<T> state, ReadOnlySpan<T> parameters, Span<T> derivative) =>
        derivative[0] = -T.Sqrt(T.One - t);

    protected override Tensor EvaluateBatch(Tensor t, Tensor states, Tensor parameters) =>
        -(1 - t).sqrt().expand_as(states);
}

/// <summary>
/// <c>x' = −k·x</c> with the rate <c>k</c> a (constant) state, so trajectories of one batch can decay
/// at different rates while sharing parameters: <c>x(t) = x0·e^(−k·t)</c>.
/// </summary>
public sealed class RateDecaySystem : TestSystem
{
    public override string Name => "RateDecay";

    public override IReadOnlyList<string> StateNames => ["x", "k"];

    public override void GetInitialState(ReadOnlySpan<double> parameters, Span<double> state)
    {
        state[0] = 1;
        state[1] = 1;
    }

    protected override void Evaluate<T>(T t, ReadOnlySpan<T> state, ReadOnlySpan<T> parameters, Span<T> derivative)
    {
        derivative[0] = -state[1] * state[0];
        derivative[1] = T.Zero;
    }

    protected override Tensor EvaluateBatch(Tensor t, Tensor states, Tensor parameters)
    {
        var x = states[TensorIndex.Colon, 0];
        var k = states[TensorIndex.Colon, 1];
        return stack([-k * x, zeros_like(k)], dim: 1);
    }
}

/// <summary>
/// <c>x' = −x</c>, but NaN wherever <c>x &lt; 0</c>: a first step that is too long overshoots into
/// the undefined region, and the solver must back off and recover.
/// </summary>
public sealed class GuardedDecaySystem : TestSystem
{
    public override string Name => "GuardedDecay";

    public override IReadOnlyList<string> StateNames => ["x"];

    public override void GetInitialState(ReadOnlySpan<double> parameters, Span<double> state) => state[0] = 1;

    protected override void Evaluate<T>(T t, ReadOnlySpan<T> state, ReadOnlySpan<T> parameters, Span<T> derivative) =>
        derivative[0] = state[0] >= T.Zero ? -state[0] : T.NaN;

    protected override Tensor EvaluateBatch(Tensor t, Tensor states, Tensor parameters) =>
        where(states >= 0, -states, full_like(states, double.NaN));
}
