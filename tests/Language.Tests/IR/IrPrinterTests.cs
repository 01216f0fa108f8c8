using OdeDsl.Language.IR;

namespace OdeDsl.Language.Tests.IR;

public class IrPrinterTests
{
    [Fact]
    public void Formats_an_expression_with_default_leaf_names()
    {
        var ir = new IrBuilder();
        var f = ir.Subtract(ir.Multiply(ir.Parameter(0), ir.State(1)), ir.Apply(IrOperation.Heaviside, ir.Time()));

        Assert.Equal("((θ[0] * z[1]) - heav(t))", IrPrinter.Format(f));
    }

    [Fact]
    public void Formats_with_declared_names()
    {
        var ir = new IrBuilder();
        var f = ir.Conditional(ir.Apply(IrOperation.Less, ir.State(0), ir.Input(0)), ir.Parameter(0), ir.Constant(0.5));
        var names = new IrNames(["x"], ["alpha"], ["dose"]);

        Assert.Equal("((x < dose) ? alpha : 0.5)", IrPrinter.Format(f, names));
    }

    [Fact]
    public void A_listing_computes_a_shared_node_once()
    {
        var ir = new IrBuilder();
        var shared = ir.Apply(IrOperation.Exp, ir.State(0));
        var outputs = new[] { ir.Add(shared, ir.One), ir.Multiply(shared, ir.State(1)) };

        var listing = IrPrinter.Listing(outputs);

        Assert.Single(listing.Split('\n'), line => line.Contains("exp("));
        Assert.Contains($"out[0] = v{outputs[0].Id}", listing);
        Assert.Contains($"v{outputs[1].Id} = v{shared.Id} * z[1]", listing);
    }
}

public class IrPrinterLimitTests
{
    [Fact]
    public void Inline_text_of_a_deeply_shared_dag_is_cut_off()
    {
        // x_{k+1} = x_k * t + x_k: inline text doubles with every level; 60 levels would be 2^60 characters.
        var ir = new IrBuilder();
        var x = ir.State(0);
        for (var k = 0; k < 60; k++)
        {
            x = ir.Add(ir.Multiply(x, ir.Time()), x);
        }

        var text = IrPrinter.Format(x);

        // Past the limit only closing parentheses and operators of the open levels follow.
        Assert.InRange(text.Length, IrPrinter.MaxInlineLength, 2 * IrPrinter.MaxInlineLength);
        Assert.Contains("…", text);
    }
}
