namespace OdeDsl.Runtime.Tests.Stiff;

/// <summary>Van der Pol in the test set's scaling: <c>y1' = y2</c>, <c>y2' = ((1 − y1²)·y2 − y1)/ε</c>, ε = 1e-6.</summary>
public sealed class VanDerPolSystem : StiffTestSystem
{
    public const double Epsilon = 1e-6;

    public override string Name => "VanDerPol";

    public override IReadOnlyList<string> StateNames => ["y1", "y2"];

    public override void GetInitialState(ReadOnlySpan<double> parameters, Span<double> state)
    {
        state[0] = 2;
        state[1] = 0;
    }

    protected override void Evaluate(double t, ReadOnlySpan<double> y, Span<double> dy)
    {
        dy[0] = y[1];
        dy[1] = ((1 - y[0] * y[0]) * y[1] - y[0]) / Epsilon;
    }

    protected override void EvaluateJacobian(double t, ReadOnlySpan<double> y, Span<double> j)
    {
        j[1] = 1;
        j[2] = (-2 * y[0] * y[1] - 1) / Epsilon;
        j[3] = (1 - y[0] * y[0]) / Epsilon;
    }
}
