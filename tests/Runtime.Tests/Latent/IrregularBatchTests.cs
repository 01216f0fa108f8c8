using OdeDsl.Runtime.Data;
using OdeDsl.Runtime.Latent;
using static TorchSharp.torch;

namespace OdeDsl.Runtime.Tests.Latent;

/// <summary>The union-of-times layout against a batch worked out by hand.</summary>
public sealed class IrregularBatchTests
{
    [Fact]
    public void Two_trajectories_lie_on_the_union_of_their_times_with_their_own_gaps_and_masks()
    {
        var first = new ObservedTrajectory("a", [0.5, 1.0, 2.0], [1, 10, double.NaN, 20, 3, 30], 2);
        var second = new ObservedTrajectory("b", [1.0, 1.5, 2.0], [double.NaN, double.NaN, 5, 50, 6, double.NaN], 2);
        var batch = IrregularBatch.Create([first, second], start: 0.25);

        Assert.Equal([0.5, 1.0, 1.5, 2.0], batch.Times);
        Assert.Equal([4, 2, 2], batch.Values.shape);
        Assert.Equal(new double[] { 1, 10, 0, 0, 0, 20, 0, 0, 0, 0, 5, 50, 3, 30, 6, 0 }, batch.Values.data<double>().ToArray());
        Assert.Equal(new double[] { 1, 1, 0, 0, 0, 1, 0, 0, 0, 0, 1, 1, 1, 1, 1, 0 }, batch.Mask.data<double>().ToArray());
        Assert.Equal(new[] { true, false, true, false, false, true, true, true }, batch.Observed.data<bool>().ToArray());
        // b's row at t = 1 is all missing, so its first observation is at 1.5, 1.25 after the start.
        Assert.Equal(new[] { 0.25, 0, 0.5, 0, 0, 1.25, 1.0, 0.5 }, batch.Gaps.data<double>().ToArray());
    }

    [Fact]
    public void An_observation_before_the_start_is_refused_with_the_trajectory_and_time()
    {
        var early = new ObservedTrajectory("early", [-1.0, 0.5], [1, 2], 1);
        var error = Assert.Throws<ArgumentException>(() => IrregularBatch.Create([early], start: 0));
        Assert.Contains("trajectory 'early' is observed at t=-1, before the start t=0", error.Message);
    }

    [Fact]
    public void A_trajectory_built_in_code_refuses_times_that_do_not_increase()
    {
        var error = Assert.Throws<ArgumentException>(() => new ObservedTrajectory("x", [0.0, 1.0, 1.0], [1, 2, 3], 1));
        Assert.Contains("trajectory 'x': time 1 at row 2 does not follow 1", error.Message);
    }

    [Fact]
    public void A_trajectory_built_in_code_refuses_a_time_that_is_not_finite()
    {
        var error = Assert.Throws<ArgumentException>(() => new ObservedTrajectory("x", [0.0, double.PositiveInfinity], [1, 2], 1));
        Assert.Contains("at row 1 is not finite", error.Message);
        Assert.StartsWith("trajectory 'x': time ", error.Message);
    }

    [Fact]
    public void A_batch_whose_trajectories_have_no_times_is_refused_naming_them()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            IrregularBatch.Create([new ObservedTrajectory("a", [], [], 1), new ObservedTrajectory("b", [], [], 1)], start: 0));
        Assert.Contains("none of the batch's trajectories ('a', 'b') has an observation time", error.Message);
    }
}
