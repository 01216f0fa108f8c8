namespace OdeDsl.Runtime.Tests.Stiff;

/// <summary>The HIRES plant-physiology model (Schäfer 1975), 8 states.</summary>
public sealed class HiresSystem : StiffTestSystem
{
    public override string Name => "HIRES";

    public override IReadOnlyList<string> StateNames => ["y1", "y2", "y3", "y4", "y5", "y6", "y7", "y8"];

    public override void GetInitialState(ReadOnlySpan<double> parameters, Span<double> state)
    {
        state.Clear();
        state[0] = 1;
        state[7] = 0.0057;
    }

    protected override void Evaluate(double t, ReadOnlySpan<double> y, Span<double> dy)
    {
        dy[0] = -1.71 * y[0] + 0.43 * y[1] + 8.32 * y[2] + 0.0007;
        dy[1] = 1.71 * y[0] - 8.75 * y[1];
        dy[2] = -10.03 * y[2] + 0.43 * y[3] + 0.035 * y[4];
        dy[3] = 8.32 * y[1] + 1.71 * y[2] - 1.12 * y[3];
        dy[4] = -1.745 * y[4] + 0.43 * y[5] + 0.43 * y[6];
        dy[5] = -280 * y[5] * y[7] + 0.69 * y[3] + 1.71 * y[4] - 0.43 * y[5] + 0.69 * y[6];
        dy[6] = 280 * y[5] * y[7] - 1.81 * y[6];
        dy[7] = -dy[6];
    }

    protected override void EvaluateJacobian(double t, ReadOnlySpan<double> y, Span<double> j)
    {
        j[0] = -1.71; j[1] = 0.43; j[2] = 8.32;
        j[8] = 1.71; j[9] = -8.75;
        j[18] = -10.03; j[19] = 0.43; j[20] = 0.035;
        j[25] = 8.32; j[26] = 1.71; j[27] = -1.12;
        j[36] = -1.745; j[37] = 0.43; j[38] = 0.43;
        j[43] = 0.69; j[44] = 1.71; j[45] = -280 * y[7] - 0.43; j[46] = 0.69; j[47] = -280 * y[5];
        j[53] = 280 * y[7]; j[54] = -1.81; j[55] = 280 * y[5];
        j[61] = -280 * y[7]; j[62] = 1.81; j[63] = -280 * y[5];
    }
}
