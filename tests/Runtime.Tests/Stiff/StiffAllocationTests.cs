using OdeDsl.Runtime.Solvers;

namespace OdeDsl.Runtime.Tests.Stiff;

/// <summary>
/// Stiff solves allocate their workspace (stages, Jacobians, LU factors and pivots) once: a solve of
/// many steps allocates as many bytes as one of few steps with the same save points.
/// </summary>
public sealed class StiffAllocationTests
{
    [Theory]
    [InlineData("rodas4")]
    [InlineData("trbdf2")]
    [InlineData("bdf")]
    [InlineData("auto")]
    public void Bytes_allocated_do_not_grow_with_the_number_of_steps(string method)
    {
        var system = new OregonatorSystem();
        SolveOptions Options(double rtol) => new() { Method = method, T1 = 50, SaveAt = [0.0, 25, 50], Rtol = rtol, Atol = 1e-10 };

        Measure(system, Options(1e-4));
        var few = Measure(system, Options(1e-4));
        var many = Measure(system, Options(1e-7));

        Assert.True(many.Steps > 3 * few.Steps, $"{many.Steps} vs {few.Steps} steps");
        Assert.Equal(few.Bytes, many.Bytes);
    }

    private static (long Bytes, int Steps) Measure(StiffTestSystem system, SolveOptions options)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        var solution = Integrator.Solve(system, options);
        var bytes = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(solution.Succeeded, solution.Message);
        return (bytes, solution.Stats.AcceptedSteps);
    }
}
