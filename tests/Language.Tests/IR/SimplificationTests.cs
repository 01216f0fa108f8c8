using OdeDsl.Language.IR;

namespace OdeDsl.Language.Tests.IR;

/// <summary>Each case builds an input and the node it must simplify to; both come from one builder, so equal means the same node.</summary>
public class SimplificationTests
{
    private static readonly Dictionary<string, (Func<IrBuilder, IrNode> Input, Func<IrBuilder, IrNode> Expected)> Cases = new()
    {
        ["x + 0 ⇶ x"] = (ir => ir.Add(X(ir), ir.Zero), X),
        ["0 + x ⇶ x"] = (ir => ir.Add(ir.Zero, X(ir)), X),
        ["x - 0 ⇶ x"] = (ir => ir.Subtract(X(ir), ir.Zero), X),
        ["0 - x ⇶ -x"] = (ir => ir.Subtract(ir.Zero, X(ir)), ir => ir.Negate(X(ir))),
        ["x - x ⇶ 0"] = (ir => ir.Subtract(X(ir), X(ir)), ir => ir.Zero),
        ["x * 1 ⇶ x"] = (ir => ir.Multiply(X(ir), ir.One), X),
        ["x * 0 ⇶ 0"] = (ir => ir.Multiply(X(ir), ir.Zero), ir => ir.Zero),
        ["x * -1 ⇶ -x"] = (ir => ir.Multiply(X(ir), ir.Constant(-1)), ir => ir.Negate(X(ir))),
        ["x / 1 ⇶ x"] = (ir => ir.Divide(X(ir), ir.One), X),
        ["0 / x ⇶ 0"] = (ir => ir.Divide(ir.Zero, X(ir)), ir => ir.Zero),
        ["x ^ 1 ⇶ x"] = (ir => ir.Power(X(ir), ir.One), X),
        ["x ^ 0 ⇶ 1"] = (ir => ir.Power(X(ir), ir.Zero), ir => ir.One),
        ["1 ^ x ⇶ 1"] = (ir => ir.Power(ir.One, X(ir)), ir => ir.One),
        ["(x ^ 2) ^ 3 ⇶ x ^ 6"] = (ir => ir.Power(ir.Power(X(ir), ir.Constant(2)), ir.Constant(3)), ir => ir.Power(X(ir), ir.Constant(6))),
        ["x * x ⇶ x ^ 2"] = (ir => ir.Multiply(X(ir), X(ir)), ir => ir.Power(X(ir), ir.Constant(2))),
        ["x * x ^ 2 ⇶ x ^ 3"] = (ir => ir.Multiply(X(ir), ir.Power(X(ir), ir.Constant(2))), ir => ir.Power(X(ir), ir.Constant(3))),
        ["x ^ 2 * x ^ -2 ⇶ 1"] = (ir => ir.Multiply(ir.Power(X(ir), ir.Constant(2)), ir.Power(X(ir), ir.Constant(-2))), ir => ir.One),
        ["--x ⇶ x"] = (ir => ir.Negate(ir.Negate(X(ir))), X),
        ["-(x - y) ⇶ y - x"] = (ir => ir.Negate(ir.Subtract(X(ir), Y(ir))), ir => ir.Subtract(Y(ir), X(ir))),
        ["x + -y ⇶ x - y"] = (ir => ir.Add(X(ir), ir.Negate(Y(ir))), ir => ir.Subtract(X(ir), Y(ir))),
        ["x - -y ⇶ x + y"] = (ir => ir.Subtract(X(ir), ir.Negate(Y(ir))), ir => ir.Add(X(ir), Y(ir))),
        ["-x * -y ⇶ x * y"] = (ir => ir.Multiply(ir.Negate(X(ir)), ir.Negate(Y(ir))), ir => ir.Multiply(X(ir), Y(ir))),
        ["x + x ⇶ 2 * x"] = (ir => ir.Add(X(ir), X(ir)), ir => ir.Multiply(ir.Constant(2), X(ir))),
        ["2 * (3 * x) ⇶ 6 * x"] = (ir => ir.Multiply(ir.Constant(2), ir.Multiply(ir.Constant(3), X(ir))), ir => ir.Multiply(ir.Constant(6), X(ir))),
        ["2 + (3 + x) ⇶ 5 + x"] = (ir => ir.Add(ir.Constant(2), ir.Add(ir.Constant(3), X(ir))), ir => ir.Add(ir.Constant(5), X(ir))),
        ["x - 3 ⇶ -3 + x"] = (ir => ir.Subtract(X(ir), ir.Constant(3)), ir => ir.Add(ir.Constant(-3), X(ir))),
        ["log(exp(x)) ⇶ x"] = (ir => ir.Apply(IrOperation.Log, ir.Apply(IrOperation.Exp, X(ir))), X),
        ["abs(-x) ⇶ abs(x)"] = (ir => ir.Apply(IrOperation.Abs, ir.Negate(X(ir))), ir => ir.Apply(IrOperation.Abs, X(ir))),
        ["abs(abs(x)) ⇶ abs(x)"] = (ir => ir.Apply(IrOperation.Abs, ir.Apply(IrOperation.Abs, X(ir))), ir => ir.Apply(IrOperation.Abs, X(ir))),
        ["if(1) then(x) else(y) ⇶ x"] = (ir => ir.Conditional(ir.One, X(ir), Y(ir)), X),
        ["if(0) then(x) else(y) ⇶ y"] = (ir => ir.Conditional(ir.Zero, X(ir), Y(ir)), Y),
        ["if(c) then(x) else(x) ⇶ x"] = (ir => ir.Conditional(ir.Apply(IrOperation.Less, X(ir), Y(ir)), X(ir), X(ir)), X),
        ["sin(0.5) * 4 ⇶ folded"] = (ir => ir.Multiply(ir.Apply(IrOperation.Sin, ir.Constant(0.5)), ir.Constant(4)), ir => ir.Constant(Math.Sin(0.5) * 4)),
        ["max(2, 3) < 2.5 ⇶ 0"] = (ir => ir.Apply(IrOperation.Less, ir.Apply(IrOperation.Max, ir.Constant(2), ir.Constant(3)), ir.Constant(2.5)), ir => ir.Zero),
    };

    public static TheoryData<string> Names => new(Cases.Keys);

    private static IrNode X(IrBuilder ir) => ir.State(0);

    private static IrNode Y(IrBuilder ir) => ir.Parameter(0);

    [Theory]
    [MemberData(nameof(Names))]
    public void Simplifies(string name)
    {
        var ir = new IrBuilder();
        var (input, expected) = Cases[name];

        var actual = input(ir);

        Assert.True(ReferenceEquals(expected(ir), actual), $"{name}: got {actual}");
    }

    [Fact]
    public void x_divided_by_x_is_kept_because_it_is_not_one_at_zero()
    {
        var ir = new IrBuilder();
        var quotient = ir.Divide(X(ir), X(ir));

        Assert.Equal(IrOperation.Divide, quotient.Operation);
        Assert.True(double.IsNaN(IrEvaluator.Evaluate(quotient, new IrPoint(0, [0.0], [1.0]))));
    }

    [Fact]
    public void A_fractional_power_of_a_power_is_kept_because_it_is_not_the_product_for_negative_bases()
    {
        var ir = new IrBuilder();
        var root = ir.Power(ir.Power(X(ir), ir.Constant(2)), ir.Constant(0.5));

        Assert.Equal(IrOperation.Power, root.Operands[0].Operation);
        Assert.Equal(3.0, IrEvaluator.Evaluate(root, new IrPoint(0, [-3.0], [0.0])), 15);
    }

    [Fact]
    public void Only_parameter_and_constant_subexpressions_are_parameter_only()
    {
        var ir = new IrBuilder();
        var derived = ir.Divide(ir.Apply(IrOperation.Sqrt, ir.Parameter(0)), ir.Add(ir.Parameter(1), ir.Constant(2)));
        var perStep = ir.Multiply(derived, ir.State(0));

        Assert.True(derived.IsParameterOnly);
        Assert.False(perStep.IsParameterOnly);
        Assert.False(ir.Constant(3).IsParameterOnly);
        Assert.False(ir.Add(ir.Parameter(0), ir.Time()).IsParameterOnly);
        Assert.False(ir.Add(ir.Parameter(0), ir.Input(0)).IsParameterOnly);
        Assert.Equal(3, OperationCount.ParameterOnly([perStep]));
        Assert.Equal(1, OperationCount.PerStep([perStep]));
    }
}
