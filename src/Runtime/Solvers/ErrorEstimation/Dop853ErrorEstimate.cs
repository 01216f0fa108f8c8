using OdeDsl.Runtime.Solvers.Backends;
using OdeDsl.Runtime.Solvers.Tableaux;

namespace OdeDsl.Runtime.Solvers.ErrorEstimation;

/// <summary>
/// DOP853's combined estimate (Hairer, Nørsett &amp; Wanner I, II.10): with the 5th- and 3rd-order
/// error sums <c>E5</c>, <c>E3</c> of squared scaled components, <c>err = E5 / √(n·(E5 + 0.01·E3))</c>.
/// It behaves like <c>h⁸</c>, which keeps the step large where the 5th-order estimate alone is pessimistic.
/// </summary>
public sealed class Dop853ErrorEstimate : ErrorEstimate
{
    public static readonly Dop853ErrorEstimate Instance = new();

    private static readonly int[] FifthOrderTerms = StageTerms.NonZero(Dop853Coefficients.Error5);
    private static readonly int[] ThirdOrderTerms = StageTerms.NonZero(Dop853Coefficients.Error3);

    private Dop853ErrorEstimate()
    {
    }

    public override int ControllerOrder => 8;

    internal override double Norm(IStepBackend backend, double h, Span<double> workspace, out int worstTrajectory)
    {
        var trajectories = backend.Trajectories;
        var fifth = workspace[..trajectories];
        var third = workspace.Slice(trajectories, trajectories);
        backend.SumScaledSquares(h, Dop853Coefficients.Error5, FifthOrderTerms, fifth);
        backend.SumScaledSquares(h, Dop853Coefficients.Error3, ThirdOrderTerms, third);
        var n = backend.StateCount;
        for (var b = 0; b < trajectories; b++)
        {
            var denominator = fifth[b] + 0.01 * third[b];
            // Zero only when both sums are; a NaN must stay NaN so the step is rejected, not accepted.
            fifth[b] = denominator == 0 ? 0 : fifth[b] / Math.Sqrt(n * denominator);
        }
        return MaxOver(fifth, out worstTrajectory);
    }
}
