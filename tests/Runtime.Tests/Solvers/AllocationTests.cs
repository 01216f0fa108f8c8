using OdeDsl.Runtime.Solvers;
using OdeDsl.Examples.LotkaVolterra;

namespace OdeDsl.Runtime.Tests.Solvers;

/// <summary>
/// The span path allocates its workspace once per solve and nothing per step: a solve of 10,000 steps
/// allocates exactly as many bytes as one of 100 steps with the same save points.
/// </summary>
public sealed class AllocationTests
{
    private static readonly double[] Initial = [1, 1];
    private static readonly double[] Parameters = [1.5, 1, 3, 1];
    private static readonly double[] SaveAt = Enumerable.Range(0, 151).Select(k => k * 0.1).ToArray();

    [Theory]
    [InlineData("rk4")]
    [InlineData("dopri5")]
    [InlineData("tsit5")]
    [InlineData("dop853")]
    [InlineData("bosh3")]
    public void Bytes_allocated_do_not_grow_with_the_number_of_steps(string method)
    {
        var system = new LotkaVolterraSystem();
        SolveOptions Fixed(int steps) => new() { Method = method, T1 = 15, SaveAt = SaveAt, Dt = 15.0 / steps };

        Measure(system, Fixed(100));
        var few = Measure(system, Fixed(100));
        var many = Measure(system, Fixed(10_000));

        Assert.Equal(100, few.Steps);
        Assert.Equal(10_000, many.Steps);
        Assert.Equal(few.Bytes, many.Bytes);
    }

    [Fact]
    public void Adaptive_steps_and_rejections_allocate_nothing_either()
    {
        var system = new LotkaVolterraSystem();
        SolveOptions Adaptive(double tolerance) => new() { Method = "dopri5", T1 = 15, SaveAt = SaveAt, Rtol = tolerance, Atol = tolerance };

        Measure(system, Adaptive(1e-4));
        var loose = Measure(system, Adaptive(1e-4));
        var tight = Measure(system, Adaptive(1e-11));

        Assert.True(tight.Steps > 10 * loose.Steps, $"{tight.Steps} vs {loose.Steps} steps");
        Assert.Equal(loose.Bytes, tight.Bytes);
    }

    private static (long Bytes, int Steps) Measure(LotkaVolterraSystem system, SolveOptions options)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        var solution = Integrator.Solve<double>(system, Initial, Parameters, options);
        var bytes = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(solution.Succeeded, solution.Message);
        return (bytes, solution.Stats.AcceptedSteps + solution.Stats.RejectedSteps);
    }
}
