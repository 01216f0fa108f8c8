using OdeDsl.Runtime.Gradients;
using OdeDsl.Runtime.Systems;
using Xunit.Abstractions;

namespace OdeDsl.Runtime.Tests.Gradients;

/// <summary>
/// A vector model with A @ z, elementwise power, sum and dot (Models/vector_ops.ode), solved for a batch of three
/// trajectories: dL/dz(t0) per trajectory and dL/dθ (all 12 entries of A and w) summed over the batch.
/// </summary>
public sealed class VectorOpsGradientTests(ITestOutputHelper output)
{
    private static readonly int[] AllParameters = [.. Enumerable.Range(0, 12)];

    private static GradientCase Case()
    {
        IOdeSystem system = new VectorOps();
        var parameters = new double[system.ParameterCount];
        system.GetDefaultParameters(parameters);
        double[] initialStates = [0.5, -0.2, 0.3, 1.0, 0.4, -0.6, -0.3, 0.8, 0.1];
        var saveAt = Enumerable.Range(0, 31).Select(k => 0.1 * k).ToArray();
        return new GradientCase(system, initialStates, parameters, 0, 3, saveAt, i => 0.1 * Math.Cos(i));
    }

    [Theory]
    [InlineData(GradientMethod.Adjoint)]
    [InlineData(GradientMethod.Checkpoint)]
    public void Continuous_adjoints_match_finite_differences(GradientMethod method) =>
        output.WriteLine(Case().CheckContinuous(method, AllParameters, solver: "tsit5"));

    [Fact]
    public void Discrete_adjoint_is_the_derivative_of_the_fixed_step_solver() =>
        output.WriteLine(Case().CheckDiscrete("dop853", 0.0703, AllParameters));
}
