using FsCheck;
using FsCheck.Fluent;

namespace OdeDsl.Language.Tests.Differentiation;

/// <summary>Random outputs f_k(t, z, θ) with a random point and cotangent, for the derivative property tests.</summary>
public sealed record RandomModel(RandomExpression[] Outputs, double Time, double[] States, double[] Parameters, double[] Cotangent)
{
    public const int StateCount = 3;
    public const int ParameterCount = 2;

    public override string ToString() =>
        $"f = [{string.Join("; ", Outputs.Select(output => output.ToString()))}] at t={Time}, z=[{string.Join(", ", States)}], θ=[{string.Join(", ", Parameters)}], a=[{string.Join(", ", Cotangent)}]";
}

public static class RandomModels
{
    public static Arbitrary<RandomModel> Models() => Arb.From(Model);

    private static Gen<double> Coordinate => Gen.Choose(-2000, 2000).Select(value => value / 1000.0);

    private static Gen<RandomModel> Model =>
        from outputs in Gen.ArrayOf(Expression(4), 2)
        from time in Coordinate
        from states in Gen.ArrayOf(Coordinate, RandomModel.StateCount)
        from parameters in Gen.ArrayOf(Coordinate, RandomModel.ParameterCount)
        from cotangent in Gen.ArrayOf(Coordinate, 2)
        select new RandomModel(outputs, time, states, parameters, cotangent);

    private static Gen<RandomExpression> Leaf => Gen.OneOf(
        Gen.Choose(0, RandomModel.StateCount - 1).Select(i => new RandomExpression("state", 0, i, [])),
        Gen.Choose(0, RandomModel.ParameterCount - 1).Select(i => new RandomExpression("parameter", 0, i, [])),
        Gen.Constant(new RandomExpression("time", 0, -1, [])),
        Coordinate.Select(value => new RandomExpression("const", value, -1, [])));

    private static Gen<RandomExpression> Expression(int depth)
    {
        if (depth == 0)
        {
            return Leaf;
        }
        var child = Expression(depth - 1);
        return Gen.Frequency(
            (2, Leaf),
            (4, from operation in Gen.Elements(RandomExpression.Unary)
                from operand in child
                select new RandomExpression(operation, 0, -1, [operand])),
            (5, from operation in Gen.Elements(RandomExpression.Binary)
                from operands in Gen.ArrayOf(child, 2)
                select new RandomExpression(operation, 0, -1, operands)),
            (1, from operands in Gen.ArrayOf(child, 3)
                select new RandomExpression("if", 0, -1, operands)));
    }
}
