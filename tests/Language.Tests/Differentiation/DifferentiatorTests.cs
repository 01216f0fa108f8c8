using OdeDsl.Language.Binding;
using OdeDsl.Language.Differentiation;
using OdeDsl.Language.Lowering;
using OdeDsl.Language.Text;
using BoundConstraint = OdeDsl.Language.Binding.ParameterConstraint;

namespace OdeDsl.Language.Tests.Differentiation;

public class DifferentiatorTests
{
    private static readonly SourceText Source = new("learn k=1\nx' = heav(t - k)*x\n", "step.ode");

    /// <summary><c>x' = heav(t - k)*x</c> with k learned (or fixed), bound by hand; the equation is line 2.</summary>
    private static LoweringResult Lowered(bool learned)
    {
        var declaration = Source.GetSpan(0, 9);
        var equation = Source.GetSpan(10, 18);
        var k = new ParameterSymbol("k", Shape.Scalar, declaration, 0, learned, new BoundLiteral(1, declaration), BoundConstraint.None);
        var x = new StateSymbol("x", Shape.Scalar, equation, 0, new BoundLiteral(0, equation), 0, null);
        var step = new BoundCallExpression(
            BuiltinFunction.Heaviside,
            [new BoundBinaryExpression(BoundBinaryOperator.Subtract, new BoundTime(equation), new BoundSymbolReference(k, equation), Shape.Scalar, equation)],
            Shape.Scalar,
            equation);
        var value = new BoundBinaryExpression(BoundBinaryOperator.Multiply, step, new BoundSymbolReference(x, equation), Shape.Scalar, equation);
        return SystemLowering.Lower(new BoundSystem("Step", Source, [x], [new BoundEquation(x, value, equation)], [k], [], [], [], [], [], [], [], SolverOptions.Default));
    }

    [Fact]
    public void A_step_function_on_a_learned_parameter_is_ODE4001_on_its_equation()
    {
        var result = Differentiator.Differentiate(Lowered(learned: true));

        Assert.Null(result.System);
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal("ODE4001", diagnostic.Code);
        Assert.Equal("2:1-2:19", diagnostic.Span.ToRangeString());
        Assert.Contains("'heav'", diagnostic.Message);
        Assert.Contains("'k'", diagnostic.Message);
    }

    [Fact]
    public void A_step_function_on_a_fixed_parameter_is_accepted()
    {
        var result = Differentiator.Differentiate(Lowered(learned: false));

        Assert.Empty(result.Diagnostics);
        Assert.NotNull(result.System);
    }
}
