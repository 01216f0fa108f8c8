using OdeDsl.Language.IR;

namespace OdeDsl.Language.Tests.IR;

/// <summary>Reference values are written out by hand (or with Math directly), independent of IrFunctions.</summary>
public class IrEvaluatorTests
{
    private static double Evaluate(Func<IrBuilder, IrNode> build, double x)
    {
        var ir = new IrBuilder();
        return IrEvaluator.Evaluate(build(ir), new IrPoint(0, [x], []));
    }

    private static IrNode Call(IrBuilder ir, IrOperation operation, params IrNode[] operands) => ir.Apply(operation, operands);

    [Fact]
    public void Evaluates_leaves_and_arithmetic()
    {
        var ir = new IrBuilder();
        // z0 * θ0 + sin(t) - u0 / a0
        var f = ir.Subtract(
            ir.Add(ir.Multiply(ir.State(0), ir.Parameter(0)), Call(ir, IrOperation.Sin, ir.Time())),
            ir.Divide(ir.Input(0), ir.Cotangent(0)));

        var value = IrEvaluator.Evaluate(f, new IrPoint(0.5, [2.0], [3.0], [1.0], [4.0]));

        Assert.Equal(6 + 0.479425538604203 - 0.25, value, 14);
    }

    [Theory]
    [InlineData(IrOperation.Heaviside, 0.0, 1.0)]
    [InlineData(IrOperation.Heaviside, -1e-300, 0.0)]
    [InlineData(IrOperation.Sign, 0.0, 0.0)]
    [InlineData(IrOperation.Sign, -2.5, -1.0)]
    [InlineData(IrOperation.Relu, -1.0, 0.0)]
    [InlineData(IrOperation.Relu, 2.0, 2.0)]
    [InlineData(IrOperation.Softplus, 0.0, 0.69314718055994531)]
    [InlineData(IrOperation.Softplus, 800.0, 800.0)]
    [InlineData(IrOperation.Sigmoid, 0.0, 0.5)]
    [InlineData(IrOperation.Elu, -1.0, -0.63212055882855767)]
    [InlineData(IrOperation.Floor, -1.5, -2.0)]
    [InlineData(IrOperation.Ceiling, -1.5, -1.0)]
    [InlineData(IrOperation.Not, 0.0, 1.0)]
    [InlineData(IrOperation.Not, 3.0, 0.0)]
    [InlineData(IrOperation.Log10, 1000.0, 3.0)]
    public void Unary_conventions(IrOperation operation, double x, double expected)
    {
        Assert.Equal(expected, Evaluate(ir => Call(ir, operation, ir.State(0)), x), 14);
    }

    [Theory]
    [InlineData(IrOperation.Mod, -1.0, 3.0, 2.0)]
    [InlineData(IrOperation.Mod, 7.0, 3.0, 1.0)]
    [InlineData(IrOperation.Mod, 1.0, -3.0, -2.0)]
    [InlineData(IrOperation.Atan2, 1.0, -1.0, 2.3561944901923448)]
    [InlineData(IrOperation.Min, 1.0, -1.0, -1.0)]
    [InlineData(IrOperation.Max, 1.0, -1.0, 1.0)]
    [InlineData(IrOperation.Less, 1.0, 2.0, 1.0)]
    [InlineData(IrOperation.GreaterOrEqual, 1.0, 2.0, 0.0)]
    [InlineData(IrOperation.Equal, 2.0, 2.0, 1.0)]
    [InlineData(IrOperation.And, 2.0, 0.0, 0.0)]
    [InlineData(IrOperation.Or, 2.0, 0.0, 1.0)]
    [InlineData(IrOperation.Power, 2.0, 10.0, 1024.0)]
    public void Binary_conventions(IrOperation operation, double a, double b, double expected)
    {
        var ir = new IrBuilder();
        var node = Call(ir, operation, ir.State(0), ir.State(1));

        Assert.Equal(expected, IrEvaluator.Evaluate(node, new IrPoint(0, [a, b], [])), 14);
    }

    [Fact]
    public void Conditional_takes_the_branch_of_a_non_zero_condition()
    {
        var ir = new IrBuilder();
        var node = ir.Conditional(ir.State(0), ir.Constant(10), ir.Constant(20));

        Assert.Equal(10, IrEvaluator.Evaluate(node, new IrPoint(0, [-0.5], [])));
        Assert.Equal(20, IrEvaluator.Evaluate(node, new IrPoint(0, [0.0], [])));
    }

    [Fact]
    public void A_missing_leaf_value_is_a_clear_error()
    {
        var ir = new IrBuilder();

        var error = Assert.Throws<ArgumentException>(() => IrEvaluator.Evaluate(ir.Parameter(3), new IrPoint(0, [], [1.0])));
        Assert.Contains("parameter 3", error.Message);
    }
}
