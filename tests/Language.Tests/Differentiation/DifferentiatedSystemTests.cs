using System.Collections.Immutable;
using OdeDsl.Language.Differentiation;
using OdeDsl.Language.IR;

namespace OdeDsl.Language.Tests.Differentiation;

/// <summary>
/// Lotka–Volterra with learned rates, an observation and a learnable initial value, built by hand:
/// x' = α x − β x y, y' = δ x y − γ y; observe prey = log(x) (lognormal); x(0) = θ[4].
/// Expected derivatives are written out by hand.
/// </summary>
public class DifferentiatedSystemTests
{
    private const double Alpha = 1.1, Beta = 0.4, Delta = 0.1, Gamma = 0.4, X0 = 10;

    private static IrSystem LotkaVolterra(ParameterKind rateKind = ParameterKind.Learned)
    {
        var ir = new IrBuilder();
        IrNode x = ir.State(0), y = ir.State(1);
        IrNode alpha = ir.Parameter(0), beta = ir.Parameter(1), delta = ir.Parameter(2), gamma = ir.Parameter(3);
        var xy = ir.Multiply(x, y);
        var parameters = new[] { ("alpha", Alpha), ("beta", Beta), ("delta", Delta), ("gamma", Gamma) }
            .Select(p => new IrParameter(p.Item1, p.Item2, rateKind, ParameterConstraint.Positive))
            .Append(new IrParameter("x(0)", X0, ParameterKind.InitialValue, ParameterConstraint.None))
            .ToImmutableArray();
        return new IrSystem(
            "LotkaVolterra",
            [new IrState("x", ir.Parameter(4), 3, "x' = alpha*x - beta*x*y"), new IrState("y", ir.Constant(5), 4, "y' = delta*x*y - gamma*y")],
            parameters,
            [],
            [ir.Subtract(ir.Multiply(alpha, x), ir.Multiply(beta, xy)), ir.Subtract(ir.Multiply(delta, xy), ir.Multiply(gamma, y))],
            [new IrAuxiliary("total", ir.Add(x, y))],
            [new IrObservation("prey", "prey", x, ObservationNoise.LogNormal)],
            [],
            IrOptions.Empty);
    }

    private static readonly double[] Theta = [Alpha, Beta, Delta, Gamma, X0];

    [Fact]
    public void Jacobian_is_the_hand_derived_matrix()
    {
        var differentiated = DifferentiatedSystem.From(LotkaVolterra());
        double x = 3, y = 2;
        var point = new IrPoint(0, [x, y], Theta);

        double[,] expected = { { Alpha - Beta * y, -Beta * x }, { Delta * y, Delta * x - Gamma } };
        for (var i = 0; i < 2; i++)
        {
            for (var j = 0; j < 2; j++)
            {
                Assert.Equal(expected[i, j], IrEvaluator.Evaluate(differentiated.JacobianAt(i, j), point), 14);
            }
        }
    }

    [Fact]
    public void Vjp_gives_state_parameter_and_time_cotangents()
    {
        var differentiated = DifferentiatedSystem.From(LotkaVolterra());
        double x = 3, y = 2, a0 = 0.5, a1 = -2;
        var point = new IrPoint(0, [x, y], Theta, Cotangents: [a0, a1]);
        var vjp = differentiated.DerivativeVjp;

        Assert.Equal(a0 * (Alpha - Beta * y) + a1 * Delta * y, IrEvaluator.Evaluate(vjp.State[0], point), 14);
        Assert.Equal(a0 * -Beta * x + a1 * (Delta * x - Gamma), IrEvaluator.Evaluate(vjp.State[1], point), 14);
        Assert.Equal(a0 * x, IrEvaluator.Evaluate(vjp.Parameters[0], point), 14);
        Assert.Equal(-a0 * x * y, IrEvaluator.Evaluate(vjp.Parameters[1], point), 14);
        Assert.Equal(a1 * x * y, IrEvaluator.Evaluate(vjp.Parameters[2], point), 14);
        Assert.Equal(-a1 * y, IrEvaluator.Evaluate(vjp.Parameters[3], point), 14);
        Assert.True(vjp.Time.IsConstantValue(0));
        Assert.True(vjp.Parameters[4].IsConstantValue(0));
    }

    [Fact]
    public void Observation_aux_and_initial_value_vjps()
    {
        var differentiated = DifferentiatedSystem.From(LotkaVolterra());
        var point = new IrPoint(0, [3.0, 2.0], Theta, Cotangents: [0.25, 4]);

        Assert.Equal(0.25, IrEvaluator.Evaluate(differentiated.ObservationVjp.State[0], point));
        Assert.True(differentiated.ObservationVjp.State[1].IsConstantValue(0));
        Assert.Equal(0.25, IrEvaluator.Evaluate(differentiated.AuxiliaryVjp.State[1], point));
        // z(0) = (θ[4], 5): only x(0) has a parameter gradient, a[0].
        Assert.Equal(0.25, IrEvaluator.Evaluate(differentiated.InitialValueVjp.Parameters[4], point));
        Assert.All(differentiated.InitialValueVjp.Parameters.Take(4), node => Assert.True(node.IsConstantValue(0)));
    }

    [Fact]
    public void Vjp_shares_the_forward_subexpressions()
    {
        var differentiated = DifferentiatedSystem.From(LotkaVolterra());
        var forward = IrSchedule.Order(differentiated.System.Derivatives).ToHashSet();
        var xy = forward.Single(node => node.Operation == IrOperation.Multiply
            && node.Operands.All(operand => operand.Operation == IrOperation.State));

        // ∂f/∂β = −x·y reuses the x·y node of the forward pass.
        Assert.Contains(xy, IrSchedule.Order([differentiated.DerivativeVjp.Parameters[1]]));
    }

    [Fact]
    public void A_step_function_of_a_learned_parameter_is_reported()
    {
        var system = LotkaVolterra();
        var ir = IrBuilder.Extending(system.Roots);
        var stepped = system with
        {
            Derivatives = system.Derivatives.SetItem(0, ir.Multiply(ir.Apply(IrOperation.Heaviside, ir.Subtract(ir.Time(), ir.Parameter(1))), ir.State(0))),
            Auxiliaries = [new IrAuxiliary("level", ir.Apply(IrOperation.Floor, ir.State(1)))],
        };

        var use = Assert.Single(DifferentiabilityCheck.Find(stepped));
        Assert.Equal((IrOutputKind.Derivative, 0, "x'", IrOperation.Heaviside, "learned parameter 'beta'"), (use.Kind, use.Index, use.Output, use.Operation, use.Variable));
        Assert.Empty(DifferentiabilityCheck.Find(LotkaVolterra() with { Derivatives = stepped.Derivatives, Parameters = Fixed(system.Parameters) }));
    }

    private static ImmutableArray<IrParameter> Fixed(ImmutableArray<IrParameter> parameters) =>
        parameters.Select(parameter => parameter with { Kind = ParameterKind.Fixed }).ToImmutableArray();
}
