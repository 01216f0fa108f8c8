using System.Collections.Immutable;
using OdeDsl.Language.Binding;
using OdeDsl.Language.Differentiation;
using OdeDsl.Language.IR;
using OdeDsl.Language.Lowering;
using OdeDsl.Language.Text;
using BoundConstraint = OdeDsl.Language.Binding.ParameterConstraint;

namespace OdeDsl.Language.Tests.Lowering;

/// <summary>
/// Lowers a hand-built bound system that uses every extension construct:
/// <code>
/// number two = 2
/// par A[2,2] = [[-0.1, 2], [-2, -0.1]]
/// learn k = 1.2 positive
/// !k2 = k * two
/// input dose
/// net f = mlp(2, 3, 2, act=tanh)
/// state z[2] = [1, dose]      learn z(0)
/// r = sum(z^2)
/// z' = A @ z + k2 * f(z) - r * z
/// aux radius = sqrt(r)
/// observe y = z[0] ~ lognormal
/// </code>
/// Expected values are computed here from the formulas with plain arithmetic.
/// </summary>
public class SystemLoweringTests
{
    private static readonly SourceText Source = new("line\n", "model.ode");
    private static readonly SourceSpan Span = Source.GetSpan(0, 4);

    private static BoundSystem Model()
    {
        BoundExpression Literal(double value) => new BoundLiteral(value, Span);
        BoundExpression Vector(params BoundExpression[] elements) => new BoundVectorLiteral([.. elements], Shape.Vector(elements.Length), Span);
        BoundExpression Reference(Symbol symbol) => new BoundSymbolReference(symbol, Span);
        BoundExpression Binary(BoundBinaryOperator op, BoundExpression left, BoundExpression right, Shape shape) => new BoundBinaryExpression(op, left, right, shape, Span);

        var two = new NumberSymbol("two", Shape.Scalar, Span, Literal(2));
        var matrix = new BoundVectorLiteral([Vector(Literal(-0.1), Literal(2)), Vector(Literal(-2), Literal(-0.1))], Shape.Matrix(2, 2), Span);
        var a = new ParameterSymbol("A", Shape.Matrix(2, 2), Span, 0, false, matrix, BoundConstraint.None);
        var k = new ParameterSymbol("k", Shape.Scalar, Span, 4, true, Literal(1.2), BoundConstraint.Positive);
        var k2 = new DerivedSymbol("k2", Shape.Scalar, Span, Binary(BoundBinaryOperator.Multiply, Reference(k), Reference(two), Shape.Scalar));
        var dose = new InputSymbol("dose", Span, 0);
        var net = new NetSymbol("f", Span, [2, 3, 2], Activation.Tanh, true);
        var z = new StateSymbol("z", Shape.Vector(2), Span, 0, Vector(Literal(1), Reference(dose)), 0, new LearnedInitialValue(BoundConstraint.None, Span));
        var zSquared = Binary(BoundBinaryOperator.Power, Reference(z), Literal(2), Shape.Vector(2));
        var r = new FixedSymbol("r", Shape.Scalar, Span, new BoundCallExpression(BuiltinFunction.Sum, [zSquared], Shape.Scalar, Span));
        var rightHandSide = Binary(
            BoundBinaryOperator.Subtract,
            Binary(
                BoundBinaryOperator.Add,
                Binary(BoundBinaryOperator.MatrixMultiply, Reference(a), Reference(z), Shape.Vector(2)),
                Binary(BoundBinaryOperator.Multiply, Reference(k2), new BoundNetCall(net, Reference(z), Span), Shape.Vector(2)),
                Shape.Vector(2)),
            Binary(BoundBinaryOperator.Multiply, Reference(r), Reference(z), Shape.Vector(2)),
            Shape.Vector(2));
        var radius = new AuxiliarySymbol("radius", Shape.Scalar, Span, new BoundCallExpression(BuiltinFunction.Sqrt, [Reference(r)], Shape.Scalar, Span));
        var y = new ObservationSymbol("y", Shape.Scalar, Span, new BoundIndexExpression(Reference(z), [0], Shape.Scalar, Span), ObservationDistribution.LogNormal);
        return new BoundSystem(
            "Everything", Source, [z], [new BoundEquation(z, rightHandSide, Span)], [a, k], [two], [k2], [r], [radius], [y], [net], [dose],
            SolverOptions.Default with { Method = "dopri5", Rtol = 1e-6, Total = 20 });
    }

    [Fact]
    public void Flattens_states_and_lays_out_theta()
    {
        var system = SystemLowering.Lower(Model()).System;

        Assert.Equal(["z[0]", "z[1]"], system.States.Select(state => state.Name));
        var names = system.Parameters.Select(parameter => parameter.Name).ToList();
        Assert.Equal(["A[0,0]", "A[0,1]", "A[1,0]", "A[1,1]", "k"], names.Take(5));
        Assert.Equal(5 + MlpLowering.ParameterCount([2, 3, 2], bias: true) + 2, names.Count);
        Assert.Equal(["z[0](0)", "z[1](0)"], names.Skip(names.Count - 2));
        Assert.Equal([-0.1, 2, -2, -0.1, 1.2], system.Parameters.Take(5).Select(parameter => parameter.DefaultValue));
        Assert.Equal(ParameterKind.Fixed, system.Parameters[0].Kind);
        Assert.Equal((ParameterKind.Learned, ConstraintKind.Positive), (system.Parameters[4].Kind, system.Parameters[4].Constraint.Kind));
        Assert.Equal(ParameterKind.InitialValue, system.Parameters[^1].Kind);
        Assert.Equal<string>(["dose"], system.Inputs);
        Assert.Equal(("dopri5", 1e-6, 20.0), (system.Options.Method, system.Options["tol"], system.Options["total"]));
    }

    [Fact]
    public void Evaluates_the_equations_outputs_and_initial_values()
    {
        var system = SystemLowering.Lower(Model()).System;
        var theta = system.Parameters.Select(parameter => parameter.DefaultValue).ToArray();
        double[] z = [0.6, -0.8];
        var point = new IrPoint(0, z, theta, Inputs: [0.25]);

        // The net by hand: h = tanh(W0 z + b0), f = W1 h + b1; weights from θ in the documented layout.
        var h = Enumerable.Range(0, 3).Select(i => Math.Tanh(theta[5 + 6 + i] + theta[5 + 2 * i] * z[0] + theta[5 + 2 * i + 1] * z[1])).ToArray();
        var f = Enumerable.Range(0, 2).Select(i => theta[5 + 9 + 6 + i] + Enumerable.Range(0, 3).Sum(j => theta[5 + 9 + 3 * i + j] * h[j])).ToArray();
        double r = z[0] * z[0] + z[1] * z[1], k2 = 1.2 * 2;
        double[] expected = [-0.1 * z[0] + 2 * z[1] + k2 * f[0] - r * z[0], -2 * z[0] - 0.1 * z[1] + k2 * f[1] - r * z[1]];

        var derivatives = IrEvaluator.Evaluate(system.Derivatives, point);
        Assert.Equal(expected[0], derivatives[0], 13);
        Assert.Equal(expected[1], derivatives[1], 13);
        Assert.Equal(Math.Sqrt(r), IrEvaluator.Evaluate(system.Auxiliaries.Single().Value, point), 15);
        Assert.Equal((z[0], ObservationNoise.LogNormal, "y"), (IrEvaluator.Evaluate(system.Observations.Single().Value, point), system.Observations[0].Noise, system.Observations[0].DataColumn));
        // learn z(0): the initial values are θ entries whose defaults are the declared [1, dose] (dose taken as 0).
        Assert.Equal([1.0, 0.0], system.Parameters.TakeLast(2).Select(parameter => parameter.DefaultValue));
        Assert.All(system.InitialValues, node => Assert.Equal(IrOperation.Parameter, node.Operation));
    }

    [Fact]
    public void Derived_values_are_parameter_only_and_fixed_quantities_are_shared()
    {
        var system = SystemLowering.Lower(Model()).System;
        var nodes = IrSchedule.Order(system.Derivatives);

        // k2 = k * 2 is hoistable; the sum r = z0² + z1² is built once for both equations.
        Assert.Contains(nodes, node => node.IsParameterOnly && node.Operation == IrOperation.Multiply);
        Assert.Single(nodes, node => node.Operation == IrOperation.Add
            && node.Operands.All(operand => operand.Operation == IrOperation.Power));
        Assert.Equal(2, system.NetLayers.Length);
    }

    [Fact]
    public void The_lowered_system_differentiates_consistently_with_finite_differences()
    {
        var system = SystemLowering.Lower(Model()).System;
        var differentiated = DifferentiatedSystem.From(system);
        var theta = system.Parameters.Select(parameter => parameter.DefaultValue).ToArray();
        double[] z = [0.6, -0.8], a = [0.7, -0.3];
        var point = new IrPoint(0, z, theta, [0.25], a);

        double G(double[] states, double[] parameters) =>
            IrEvaluator.Evaluate(system.Derivatives, new IrPoint(0, states, parameters, [0.25])).Select((v, i) => a[i] * v).Sum();
        for (var j = 0; j < theta.Length; j++)
        {
            var plus = (double[])theta.Clone();
            var minus = (double[])theta.Clone();
            plus[j] += 1e-6;
            minus[j] -= 1e-6;
            Assert.Equal((G(z, plus) - G(z, minus)) / 2e-6, IrEvaluator.Evaluate(differentiated.DerivativeVjp.Parameters[j], point), 7);
        }
    }
}

/// <summary>Nets used inside fixed quantities and twice in one model, compiled from text.</summary>
public class NetUseTests
{
    [Fact]
    public void A_net_inside_a_fixed_quantity_uses_its_own_weights()
    {
        const string text = "par c = 3\nstate z[2] = [1, 0]\nnet f = mlp(2, 4, 2)\nnet g = mlp(2, 3, 1, act=relu)\nh = f(z)\nz' = h - c*z + g(h)[0]\n";
        var result = Compiler.Compile(text, "nets.ode");
        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics));
        var system = result.System!.System;

        // θ = [c, f's 4·2+4+2·4+2 = 22 weights, g's 3·2+3+1·3+1 = 13 weights].
        Assert.Equal(1 + 22 + 13, system.ParameterCount);
        Assert.Equal("f.0.weight[0,0]", system.Parameters[1].Name);
        Assert.Equal("g.0.weight[0,0]", system.Parameters[23].Name);
        Assert.Equal([0, 1, 0, 1], system.NetLayers.Select(layer => layer.Layer));
        Assert.Equal([1, 13, 23, 32], system.NetLayers.Select(layer => layer.WeightOffset));

        // f by hand from θ at z = (0.5, -1), then g on f's output.
        var theta = system.Parameters.Select(parameter => parameter.DefaultValue).ToArray();
        double[] z = [0.5, -1];
        var hidden = Enumerable.Range(0, 4).Select(i => Math.Tanh(theta[9 + i] + theta[1 + 2 * i] * z[0] + theta[2 + 2 * i] * z[1])).ToArray();
        var h = Enumerable.Range(0, 2).Select(i => theta[21 + i] + Enumerable.Range(0, 4).Sum(j => theta[13 + 4 * i + j] * hidden[j])).ToArray();
        var gHidden = Enumerable.Range(0, 3).Select(i => Math.Max(0, theta[29 + i] + theta[23 + 2 * i] * h[0] + theta[24 + 2 * i] * h[1])).ToArray();
        var g = theta[35] + Enumerable.Range(0, 3).Sum(j => theta[32 + j] * gHidden[j]);

        var derivatives = OdeDsl.Language.IR.IrEvaluator.Evaluate(system.Derivatives, new OdeDsl.Language.IR.IrPoint(0, z, theta));
        Assert.Equal(h[0] - 3 * z[0] + g, derivatives[0], 13);
        Assert.Equal(h[1] - 3 * z[1] + g, derivatives[1], 13);
    }
}
