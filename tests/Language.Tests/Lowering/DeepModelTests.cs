using System.Text;
using OdeDsl.Language.Differentiation;
using OdeDsl.Language.Lowering;

namespace OdeDsl.Language.Tests.Lowering;

/// <summary>
/// The front end accepts deep expressions and long dependency chains; lowering and
/// differentiation must not recurse on them. The model is bound on the test thread, then lowered
/// and differentiated on a thread with a 256 KB stack, far less than any compiler thread has.
/// </summary>
public class DeepModelTests
{
    private static DifferentiationResult CompileOnSmallStack(string text)
    {
        var bound = Compiler.Bind(text, "deep.ode");
        Assert.Empty(bound.Diagnostics);
        DifferentiationResult? result = null;
        var thread = new Thread(() => result = Differentiator.Differentiate(SystemLowering.Lower(bound.System!)), maxStackSize: 256 * 1024);
        thread.Start();
        thread.Join();
        return result!;
    }

    [Fact]
    public void The_longest_allowed_operator_chain_compiles()
    {
        var terms = (OdeDsl.Language.Syntax.Parser.MaxLineLength - 5) / 2;
        var result = CompileOnSmallStack("x' = " + string.Join("+", Enumerable.Repeat("x", terms)));

        Assert.Empty(result.Diagnostics);
        Assert.NotNull(result.System);
    }

    [Fact]
    public void A_long_chain_of_powers_compiles()
    {
        var result = CompileOnSmallStack("x' = " + string.Join("^", Enumerable.Repeat("-x", 1000)));

        Assert.Empty(result.Diagnostics);
    }

    [Fact]
    public void A_chain_of_five_thousand_fixed_quantities_compiles()
    {
        const int count = 5_000;
        var text = new StringBuilder("x' = -w0\n");
        for (var i = 0; i < count - 1; i++)
        {
            text.Append($"w{i} = sin(w{i + 1})\n");
        }
        text.Append($"w{count - 1} = x\n");

        var result = CompileOnSmallStack(text.ToString());

        Assert.Empty(result.Diagnostics);
        Assert.NotNull(result.System);
    }
}
