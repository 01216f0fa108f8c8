using OdeDsl.Runtime.Gradients;
using Xunit.Abstractions;

namespace OdeDsl.Runtime.Tests.Gradients;

/// <summary>
/// Lorenz (Models/lorenz.ode), loss on the state at t1 = 3 only. Forwards, errors grow like e^{0.9 t}; backwards,
/// the strongly contracting direction (exponent −14.6) becomes expanding, so the backsolve's backwards z drifts
/// away by a factor of about e^{44} and its gradient is wrong, while the checkpointed adjoint, which never solves
/// z backwards, stays right.
/// </summary>
public sealed class LorenzGradientTests(ITestOutputHelper output)
{
    private static readonly int[] AllParameters = [0, 1, 2];

    private static GradientCase Case() =>
        new(new Lorenz(), [1, 1, 1], [10, 28, 8.0 / 3], 0, 3, [3], i => 2.0 * i);

    [Fact]
    public void Backsolve_is_wrong_and_the_checkpointed_adjoint_is_right()
    {
        var problem = Case();
        var expected = problem.FiniteDifferences(GradientCase.Reference, AllParameters, 1e-5);

        var checkpointed = problem.Gradient(problem.Options(GradientMethod.Checkpoint, "dopri5", 1e-10) with { Checkpoints = 30 });
        Assert.True(checkpointed.Succeeded, checkpointed.Message);
        output.WriteLine($"checkpoint: {GradientCase.AssertMatches(GradientCase.Components(checkpointed, AllParameters), expected, 1e-6)}");

        var backsolve = problem.Gradient(problem.Options(GradientMethod.Adjoint, "dopri5", 1e-10));
        var error = backsolve.Succeeded
            ? GradientCase.RelativeError(GradientCase.Components(backsolve, AllParameters), expected)
            : double.PositiveInfinity;
        output.WriteLine($"dL/d(s, r, b): finite differences {string.Join(", ", expected[3..6].Select(g => g.ToString("G6")))}; " +
            $"checkpoint {string.Join(", ", checkpointed.Parameters.Select(g => g.ToString("G6")))}; " +
            $"backsolve {string.Join(", ", backsolve.Parameters.Select(g => g.ToString("G6")))}");
        output.WriteLine($"backsolve: {(backsolve.Succeeded ? $"relative error {error:E2}" : backsolve.Message)}");
        Assert.True(error > 0.1, $"the backsolve's gradient was expected to be far off, but its relative error is {error:E2}");
    }
}
