using OdeDsl.Language.IR;

namespace OdeDsl.Language.Tests.IR;

public class HashConsingTests
{
    [Fact]
    public void Building_the_same_expression_twice_returns_the_same_node()
    {
        var ir = new IrBuilder();
        IrNode Build() => ir.Multiply(ir.Apply(IrOperation.Sin, ir.State(0)), ir.Add(ir.Parameter(1), ir.Time()));

        var first = Build();
        var count = ir.NodeCount;
        var second = Build();

        Assert.Same(first, second);
        Assert.Equal(count, ir.NodeCount);
    }

    [Fact]
    public void Commutative_operands_are_put_in_one_order()
    {
        var ir = new IrBuilder();
        var x = ir.State(0);
        var y = ir.State(1);

        Assert.Same(ir.Add(x, y), ir.Add(y, x));
        Assert.Same(ir.Multiply(x, y), ir.Multiply(y, x));
        Assert.Same(ir.Multiply(ir.Constant(3), x), ir.Multiply(x, ir.Constant(3)));
    }

    [Fact]
    public void Non_commutative_operations_keep_their_order()
    {
        var ir = new IrBuilder();
        var x = ir.State(0);
        var y = ir.State(1);

        Assert.NotSame(ir.Subtract(x, y), ir.Subtract(y, x));
        Assert.NotSame(ir.Divide(x, y), ir.Divide(y, x));
        Assert.NotSame(ir.Power(x, y), ir.Power(y, x));
    }

    [Fact]
    public void A_common_subexpression_is_counted_once()
    {
        var ir = new IrBuilder();
        var shared = ir.Apply(IrOperation.Exp, ir.Multiply(ir.Parameter(0), ir.State(0)));
        var first = ir.Add(shared, ir.State(1));
        var second = ir.Multiply(shared, ir.Time());

        // exp, the product inside it, the sum and the outer product: 4 operations, not 6.
        Assert.Equal(4, OperationCount.Of([first, second]));
    }

    [Fact]
    public void An_extending_builder_shares_the_existing_nodes()
    {
        var original = new IrBuilder();
        var root = original.Apply(IrOperation.Tanh, original.Add(original.State(0), original.Parameter(0)));

        var extending = IrBuilder.Extending([root]);
        var rebuilt = extending.Apply(IrOperation.Tanh, extending.Add(extending.Parameter(0), extending.State(0)));
        var fresh = extending.Apply(IrOperation.Cos, extending.State(0));

        Assert.Same(root, rebuilt);
        Assert.True(fresh.Id > root.Id);
    }

    [Fact]
    public void Node_ids_are_a_topological_order()
    {
        var ir = new IrBuilder();
        var output = ir.Divide(ir.Apply(IrOperation.Sin, ir.Add(ir.State(0), ir.Time())), ir.Add(ir.One, ir.Parameter(2)));

        foreach (var node in IrSchedule.Order([output]))
        {
            Assert.All(node.Operands, operand => Assert.True(operand.Id < node.Id));
        }
    }
}
