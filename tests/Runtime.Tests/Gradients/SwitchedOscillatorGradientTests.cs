using OdeDsl.Runtime.Gradients;
using Xunit.Abstractions;

namespace OdeDsl.Runtime.Tests.Gradients;

/// <summary>
/// A model with if/then/else (Models/switched_oscillator.ode): drag by the sign of v, forcing from t = 1. The
/// branches meet with equal value and slope, so the flow is differentiable and finite differences are a fair reference.
/// </summary>
public sealed class SwitchedOscillatorGradientTests(ITestOutputHelper output)
{
    private static readonly int[] AllParameters = [0, 1, 2, 3];

    private static GradientCase Case() =>
        GradientCase.FromDefaults(new SwitchedOscillator(), t1: 4, saves: 40, target: i => 0.2 * Math.Sin(i));

    [Theory]
    [InlineData(GradientMethod.Adjoint)]
    [InlineData(GradientMethod.Checkpoint)]
    public void Continuous_adjoints_match_finite_differences(GradientMethod method) =>
        output.WriteLine(Case().CheckContinuous(method, AllParameters));

    [Fact]
    public void Discrete_adjoint_is_the_derivative_of_the_fixed_step_solver() =>
        // Stage times of rk4 lie on a grid of dt/2: dt = 6/433 keeps them 2e-3 away from the forcing's switch at
        // t = 1 (so t0 perturbations do not straddle it), puts no step end on a save time (0.1·k) and leaves a
        // last step of 2/3·dt before t1 = 4.
        output.WriteLine(Case().CheckDiscrete("rk4", 6.0 / 433, AllParameters));
}
