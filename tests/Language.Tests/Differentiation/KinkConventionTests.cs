using OdeDsl.Language.Differentiation;
using OdeDsl.Language.IR;

namespace OdeDsl.Language.Tests.Differentiation;

/// <summary>The documented derivative conventions where the functions have kinks or steps (DSL.md §3).</summary>
public class KinkConventionTests
{
    /// <summary>(∂f/∂z0, ∂f/∂z1) of f at z from the VJP with a = 1.</summary>
    private static (double, double) Gradient(Func<IrBuilder, IrNode> build, double z0, double z1 = 0)
    {
        var ir = new IrBuilder();
        var vjp = ReverseMode.Vjp(ir, [build(ir)], 2, 0);
        var point = new IrPoint(0, [z0, z1], [], Cotangents: [1.0]);
        return (IrEvaluator.Evaluate(vjp.State[0], point), IrEvaluator.Evaluate(vjp.State[1], point));
    }

    [Theory]
    [InlineData(IrOperation.Abs, 0.0, 0.0)]
    [InlineData(IrOperation.Abs, -2.0, -1.0)]
    [InlineData(IrOperation.Relu, 0.0, 0.0)]
    [InlineData(IrOperation.Relu, 1e-12, 1.0)]
    [InlineData(IrOperation.Heaviside, 0.0, 0.0)]
    [InlineData(IrOperation.Sign, 0.5, 0.0)]
    [InlineData(IrOperation.Floor, 0.5, 0.0)]
    [InlineData(IrOperation.Ceiling, 0.5, 0.0)]
    [InlineData(IrOperation.Elu, 0.0, 1.0)]
    [InlineData(IrOperation.Elu, -1.0, 0.36787944117144233)]
    public void Unary_derivative(IrOperation operation, double x, double expected)
    {
        Assert.Equal(expected, Gradient(ir => ir.Apply(operation, ir.State(0)), x).Item1, 15);
    }

    [Theory]
    [InlineData(IrOperation.Max, 1.0, 1.0, 1.0, 0.0)]
    [InlineData(IrOperation.Min, 1.0, 1.0, 1.0, 0.0)]
    [InlineData(IrOperation.Max, 1.0, 2.0, 0.0, 1.0)]
    [InlineData(IrOperation.Min, 1.0, 2.0, 1.0, 0.0)]
    [InlineData(IrOperation.Less, 1.0, 2.0, 0.0, 0.0)]
    public void Ties_pass_the_gradient_to_the_first_argument(IrOperation operation, double a, double b, double first, double second)
    {
        Assert.Equal((first, second), Gradient(ir => ir.Apply(operation, ir.State(0), ir.State(1)), a, b));
    }

    [Fact]
    public void Mod_has_slope_one_in_its_first_argument_and_minus_floor_in_its_second()
    {
        // mod(7, 3) = 7 − 3·flr(7/3) = 1: ∂/∂a = 1, ∂/∂b = −flr(7/3) = −2.
        Assert.Equal((1.0, -2.0), Gradient(ir => ir.Apply(IrOperation.Mod, ir.State(0), ir.State(1)), 7, 3));
    }

    [Fact]
    public void If_passes_the_gradient_to_the_branch_taken()
    {
        // if(z0 > 0) then(z0 * z1) else(3 * z1)
        IrNode Build(IrBuilder ir) => ir.Conditional(
            ir.Apply(IrOperation.Greater, ir.State(0), ir.Zero),
            ir.Multiply(ir.State(0), ir.State(1)),
            ir.Multiply(ir.Constant(3), ir.State(1)));

        Assert.Equal((5.0, 2.0), Gradient(Build, 2, 5));
        Assert.Equal((0.0, 3.0), Gradient(Build, -2, 5));
    }
}
