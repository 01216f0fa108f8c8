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

/// <summary>ODE4001 through the whole pipeline, on the step function's own span.</summary>
public class StepFunctionDiagnosticTests
{
    [Theory]
    [InlineData("x' = -x + flr(x*10)\n", "1:11-1:20")]
    [InlineData("x' = -x + ceil(2*w)\nw = x^2\n", "1:11-1:20")]
    [InlineData("learn k = 1\nx' = -x + heav(t - k)\n", "2:11-2:22")]
    [InlineData("learn k = 1\nx' = -x\nobserve y = sign(x - k)\n", "3:13-3:24")]
    [InlineData("learn k = 1 positive\nx' = -x\nx(0) = flr(k)\n", "3:8-3:14")]
    public void Is_reported_where_a_needed_derivative_flows_through_a_step(string text, string range)
    {
        var result = Compiler.Compile(text, "step.ode");

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(("ODE4001", range), (diagnostic.Code, diagnostic.Span.ToRangeString()));
        Assert.Null(result.System);
    }

    [Theory]
    [InlineData("x' = -x\naux steps = flr(x*10) + ceil(x)\n")]
    [InlineData("par vth = 1\nx' = -x + heav(x - vth) + sign(x)\n")]
    [InlineData("par k = 1\nx' = -x + flr(k*t)\n")]
    public void Is_not_reported_where_no_needed_derivative_flows(string text)
    {
        var result = Compiler.Compile(text, "step.ode");

        Assert.Empty(result.Diagnostics);
        Assert.NotNull(result.System);
    }

    [Fact]
    public void The_front_end_corpus_file_for_flr_gets_its_expected_diagnostic()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Corpus", "Invalid", "flr_on_differentiated_path.ode");
        var text = File.ReadAllText(path);
        var expected = Tests.Support.ExpectedDiagnostic.FromHeader(text).Select(e => e.ToString());

        var result = Compiler.Compile(text, path);

        Assert.Equal(expected, result.Diagnostics.Select(d => new Tests.Support.ExpectedDiagnostic(d.Code, d.Span.ToRangeString()).ToString()));
    }
}
