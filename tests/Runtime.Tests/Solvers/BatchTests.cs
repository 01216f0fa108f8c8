using OdeDsl.Runtime.Solvers;
using OdeDsl.Runtime.Tests.Systems;

namespace OdeDsl.Runtime.Tests.Solvers;

/// <summary>
/// Trajectories of one batch share the step size, and each meets its own tolerance: the error norm is
/// the worst trajectory's, so easy trajectories cannot dilute a hard one's error.
/// </summary>
public sealed class BatchTests
{
    private const double Tolerance = 1e-6;

    [Fact]
    public void A_trajectory_meets_its_tolerance_alone_and_beside_a_stiff_neighbour()
    {
        var system = new RateDecaySystem();
        var options = new SolveOptions { T1 = 2, SaveAt = Enumerable.Range(0, 21).Select(k => k * 0.1).ToArray(), Rtol = Tolerance, Atol = Tolerance };

        var alone = Integrator.Solve<double>(system, [1, 1], [], options);
        var together = Integrator.Solve<double>(system, [1, 1, 1, 200], [], options);

        Assert.True(alone.Succeeded, alone.Message);
        Assert.True(together.Succeeded, together.Message);
        for (var k = 0; k < options.SaveAt!.Count; k++)
        {
            var t = options.SaveAt[k];
            Assert.Equal(Math.Exp(-t), alone.State(k, 0)[0], 10 * Tolerance);
            Assert.Equal(Math.Exp(-t), together.State(k, 0)[0], 10 * Tolerance);
            Assert.Equal(Math.Exp(-200 * t), together.State(k, 1)[0], 10 * Tolerance);
        }
        // The neighbour costs steps, never accuracy: the shared step is the more careful one.
        Assert.True(together.Stats.AcceptedSteps > alone.Stats.AcceptedSteps);
    }

    [Fact]
    public void Many_easy_trajectories_do_not_dilute_one_hard_trajectory()
    {
        // 63 slow trajectories and one fast one: an RMS over the whole batch would divide the fast one's
        // error by 8 and accept steps that miss its tolerance; the per-trajectory maximum does not.
        var system = new RateDecaySystem();
        var initial = new double[128];
        for (var b = 0; b < 64; b++)
        {
            initial[2 * b] = 1;
            initial[2 * b + 1] = b == 37 ? 30 : 0.1;
        }
        var options = new SolveOptions { T1 = 1, SaveAt = [0, 0.05, 0.1, 0.2, 0.5, 1], Rtol = Tolerance, Atol = Tolerance };

        var batch = Integrator.Solve<double>(system, initial, [], options);
        var alone = Integrator.Solve<double>(system, [1, 30], [], options);

        Assert.True(batch.Succeeded, batch.Message);
        for (var k = 0; k < options.SaveAt!.Count; k++)
        {
            var expected = Math.Exp(-30 * options.SaveAt[k]);
            var errorInBatch = Math.Abs(batch.State(k, 37)[0] - expected);
            var errorAlone = Math.Abs(alone.State(k, 0)[0] - expected);
            Assert.True(errorInBatch <= 10 * Tolerance, $"t={options.SaveAt[k]}: error {errorInBatch:E2} in the batch");
            Assert.True(errorInBatch <= 2 * errorAlone + 1e-9, $"t={options.SaveAt[k]}: {errorInBatch:E2} in the batch vs {errorAlone:E2} alone");
        }
    }
}
