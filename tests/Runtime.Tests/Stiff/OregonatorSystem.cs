namespace OdeDsl.Runtime.Tests.Stiff;

/// <summary>The Oregonator (Field &amp; Noyes 1974), the Belousov–Zhabotinskii reaction in the test set's form.</summary>
public sealed class OregonatorSystem : StiffTestSystem
{
    public override string Name => "Oregonator";

    public override IReadOnlyList<string> StateNames => ["y1", "y2", "y3"];

    public override void GetInitialState(ReadOnlySpan<double> parameters, Span<double> state)
    {
        state[0] = 1;
        state[1] = 2;
        state[2] = 3;
    }

    protected override void Evaluate(double t, ReadOnlySpan<double> y, Span<double> dy)
    {
        dy[0] = 77.27 * (y[1] + y[0] * (1 - 8.375e-6 * y[0] - y[1]));
        dy[1] = (y[2] - (1 + y[0]) * y[1]) / 77.27;
        dy[2] = 0.161 * (y[0] - y[2]);
    }

    protected override void EvaluateJacobian(double t, ReadOnlySpan<double> y, Span<double> j)
    {
        j[0] = 77.27 * (1 - 2 * 8.375e-6 * y[0] - y[1]);
        j[1] = 77.27 * (1 - y[0]);
        j[3] = -y[1] / 77.27;
        j[4] = -(1 + y[0]) / 77.27;
        j[5] = 1 / 77.27;
        j[6] = 0.161;
        j[8] = -0.161;
    }
}
