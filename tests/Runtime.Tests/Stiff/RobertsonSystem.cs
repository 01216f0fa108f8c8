namespace OdeDsl.Runtime.Tests.Stiff;

/// <summary>Robertson's reactions A → B (0.04), B + C → A + C (1e4), 2B → B + C (3e7).</summary>
public sealed class RobertsonSystem : StiffTestSystem
{
    public override string Name => "Robertson";

    public override IReadOnlyList<string> StateNames => ["y1", "y2", "y3"];

    public override void GetInitialState(ReadOnlySpan<double> parameters, Span<double> state)
    {
        state[0] = 1;
        state[1] = 0;
        state[2] = 0;
    }

    protected override void Evaluate(double t, ReadOnlySpan<double> y, Span<double> dy)
    {
        dy[0] = -0.04 * y[0] + 1e4 * y[1] * y[2];
        dy[2] = 3e7 * y[1] * y[1];
        dy[1] = -dy[0] - dy[2];
    }

    protected override void EvaluateJacobian(double t, ReadOnlySpan<double> y, Span<double> j)
    {
        j[0] = -0.04;
        j[1] = 1e4 * y[2];
        j[2] = 1e4 * y[1];
        j[6] = 0;
        j[7] = 6e7 * y[1];
        j[8] = 0;
        j[3] = 0.04;
        j[4] = -1e4 * y[2] - 6e7 * y[1];
        j[5] = -1e4 * y[1];
    }
}
