using OdeDsl.Runtime.Data;
using OdeDsl.Runtime.Fitting;
using OdeDsl.Runtime.Gradients;
using OdeDsl.Runtime.Solvers;
using OdeDsl.Runtime.Tests.Systems;

namespace OdeDsl.Runtime.Tests.Fitting;

/// <summary>
/// The loss gradient over a table of two trajectories for <c>z = z0·e^{−kt}</c>, against the derivative of the
/// closed-form loss: <c>∂z/∂k = −t·z</c>, <c>∂z/∂z0 = z/z0</c> (the latter through the initial state).
/// </summary>
public sealed class DatasetGradientTests
{
    private const string Data = "id,t,y,w\nA,0.5,1.5,3\nA,1,,1\nA,2,0.5,0.7\nB,0.25,1.9,\nB,3,0.4,0.5\n";

    private static (double Loss, double Dk, double Dz0) ClosedForm(double k, double z0)
    {
        // (t, y or NaN, w or NaN) per row, both trajectories start from the same z0.
        (double T, double Y, double W)[] rows = [(0.5, 1.5, 3), (1, double.NaN, 1), (2, 0.5, 0.7), (0.25, 1.9, double.NaN), (3, 0.4, 0.5)];
        var count = rows.Sum(r => (double.IsNaN(r.Y) ? 0 : 1) + (double.IsNaN(r.W) ? 0 : 1));
        double loss = 0, dk = 0, dz0 = 0;
        foreach (var (t, y, w) in rows)
        {
            var z = ObservedDecaySystem.Exact(k, z0, t);
            double dzdk = -t * z, dzdz0 = z / z0;
            if (!double.IsNaN(y))
            {
                loss += (z - y) * (z - y);
                dk += 2 * (z - y) * dzdk;
                dz0 += 2 * (z - y) * dzdz0;
            }
            if (!double.IsNaN(w))
            {
                var r = Math.Log(2 * z) - Math.Log(w);
                loss += r * r;
                dk += 2 * r * dzdk / z;
                dz0 += 2 * r * dzdz0 / z;
            }
        }
        return (loss / count, dk / count, dz0 / count);
    }

    [Theory]
    [InlineData(GradientMethod.Adjoint)]
    [InlineData(GradientMethod.Checkpoint)]
    [InlineData(GradientMethod.Discrete)]
    public void Matches_the_derivative_of_the_closed_form_loss(GradientMethod method)
    {
        var system = new ObservedDecaySystem();
        var table = ObservationCsv.Read(new StringReader(Data), "data.csv",
            new ObservationTableOptions { Observed = ["y", "w"], TrajectoryColumn = "id" });
        var options = new GradientOptions { Method = method, Solve = new SolveOptions { Rtol = 1e-12, Atol = 1e-12 } };

        var result = DatasetGradient.Compute(system, table, new ObservationLoss(system, table), [0.5, 2], options);

        Assert.True(result.Succeeded, result.Failure);
        var (loss, dk, dz0) = ClosedForm(0.5, 2);
        Assert.Equal(loss, result.Loss, 1e-9);
        Assert.Equal(dk, result.Parameters[0], 1e-8);
        Assert.Equal(dz0, result.Parameters[1], 1e-8);
    }
}
