using System.Collections.Immutable;
using OdeDsl.Language.Differentiation;
using OdeDsl.Language.IR;

namespace OdeDsl.Generator.Tests.Support;

/// <summary>Systems built directly with the IR builder, for testing the spec builder apart from the parser.</summary>
internal static class IrModels
{
    private static IrParameter Par(string name, double value) => new(name, value, ParameterKind.Fixed, ParameterConstraint.None);

    /// <summary>Lotka–Volterra with an aux and a log-normal observation; the initial prey count is a parameter.</summary>
    public static DifferentiatedSystem LotkaVolterra()
    {
        var ir = new IrBuilder();
        IrNode x = ir.State(0), y = ir.State(1);
        IrNode alpha = ir.Parameter(0), beta = ir.Parameter(1), delta = ir.Parameter(2), gamma = ir.Parameter(3), x0 = ir.Parameter(4);
        var xy = ir.Multiply(x, y);
        var system = new IrSystem(
            "LotkaVolterra",
            ImmutableArray.Create(
                new IrState("x", x0, 7, "x' = alpha*x - beta*x*y"),
                new IrState("y", ir.Constant(5), 8, "y' = delta*x*y - gamma*y")),
            ImmutableArray.Create(Par("alpha", 1.1), Par("beta", 0.4), Par("delta", 0.1), Par("gamma", 0.4), Par("x0", 10)),
            ImmutableArray<string>.Empty,
            ImmutableArray.Create(
                ir.Subtract(ir.Multiply(alpha, x), ir.Multiply(beta, xy)),
                ir.Subtract(ir.Multiply(delta, xy), ir.Multiply(gamma, y))),
            ImmutableArray.Create(new IrAuxiliary("total", ir.Add(x, y))),
            ImmutableArray.Create(new IrObservation("predators", "predators", ir.Multiply(y, ir.Constant(2)), ObservationNoise.LogNormal)),
            ImmutableArray<IrNetLayer>.Empty,
            new IrOptions(ImmutableSortedDictionary<string, double>.Empty.Add("total", 15).Add("dt", 0.1), "DormandPrince54"));
        return DifferentiatedSystem.From(system);
    }

    /// <summary>
    /// Every IR operation at least once, on arguments kept inside each function's domain, with
    /// parameter-only and time-dependent subexpressions (hoisting) and shared subexpressions (locals).
    /// </summary>
    public static DifferentiatedSystem KitchenSink()
    {
        var ir = new IrBuilder();
        IrNode x = ir.State(0), y = ir.State(1), z = ir.State(2);
        IrNode k = ir.Parameter(0), c = ir.Parameter(1);
        var t = ir.Time();
        IrNode F(IrOperation operation, params IrNode[] operands) => ir.Apply(operation, operands);
        var one = ir.One;
        var squashed = F(IrOperation.Tanh, x);                         // in (-1, 1): safe for asin/acos
        var positive = ir.Add(one, ir.Multiply(y, y));                  // ≥ 1: safe for log, sqrt
        var kc = ir.Multiply(k, F(IrOperation.Exp, c));                 // parameter-only: hoisted
        var dx = ir.Sum(new[]
        {
            ir.Multiply(kc, F(IrOperation.Sin, x)), F(IrOperation.Cos, y), F(IrOperation.Tan, ir.Multiply(ir.Constant(0.3), z)),
            F(IrOperation.Asin, ir.Multiply(ir.Constant(0.9), squashed)), F(IrOperation.Acos, ir.Multiply(ir.Constant(0.5), squashed)),
            F(IrOperation.Atan, y), F(IrOperation.Atan2, y, positive), F(IrOperation.Sinh, ir.Multiply(ir.Constant(0.5), z)),
            F(IrOperation.Cosh, ir.Multiply(ir.Constant(0.25), x)), ir.Power(positive, ir.Constant(1.5)), ir.Power(x, ir.Constant(2)),
            ir.Power(y, ir.Constant(3)), ir.Multiply(t, k),
        });
        var dy = ir.Sum(new[]
        {
            F(IrOperation.Log, positive), F(IrOperation.Log10, positive), F(IrOperation.Sqrt, positive), F(IrOperation.Abs, ir.Subtract(x, c)),
            F(IrOperation.Min, x, y), F(IrOperation.Max, z, c), F(IrOperation.Mod, ir.Add(x, ir.Constant(5)), ir.Constant(1.5)),
            F(IrOperation.Sigmoid, z), F(IrOperation.Relu, ir.Subtract(x, y)), F(IrOperation.Softplus, ir.Multiply(ir.Constant(3), z)),
            F(IrOperation.Elu, ir.Subtract(y, z)), ir.Negate(ir.Divide(kc, positive)),
        });
        var condition = F(IrOperation.And, F(IrOperation.Less, x, y), F(IrOperation.Not, F(IrOperation.Equal, z, c)));
        var dz = ir.Sum(new[]
        {
            ir.Conditional(condition, ir.Multiply(x, z), ir.Subtract(y, z)),
            ir.Multiply(F(IrOperation.Or, F(IrOperation.GreaterOrEqual, x, ir.Zero), F(IrOperation.LessOrEqual, y, ir.Constant(-1))), z),
            ir.Multiply(F(IrOperation.Greater, z, x), y), ir.Multiply(F(IrOperation.NotEqual, x, y), ir.Constant(0.5)),
            ir.Multiply(ir.Add(F(IrOperation.Sign, ir.Subtract(x, ir.Constant(0.1))), F(IrOperation.Heaviside, y)), ir.Constant(0.1)),
            ir.Multiply(ir.Add(F(IrOperation.Floor, ir.Multiply(k, ir.Constant(3))), F(IrOperation.Ceiling, c)), ir.Constant(0.01)),
        });
        var system = new IrSystem(
            "KitchenSink",
            ImmutableArray.Create(
                new IrState("x", ir.Multiply(k, ir.Constant(2)), 3, "x' = ..."),
                new IrState("y", ir.Constant(0.5), 4, "y' = ..."),
                new IrState("z", ir.Zero, 5, "z' = ...")),
            ImmutableArray.Create(Par("k", 0.7), Par("c", -0.2)),
            ImmutableArray<string>.Empty,
            ImmutableArray.Create(dx, dy, dz),
            ImmutableArray.Create(new IrAuxiliary("energy", ir.Add(ir.Multiply(x, x), F(IrOperation.Sin, ir.Multiply(t, y))))),
            ImmutableArray.Create(new IrObservation("ratio", "ratio", ir.Divide(z, positive), ObservationNoise.Normal)),
            ImmutableArray<IrNetLayer>.Empty,
            IrOptions.Empty);
        return DifferentiatedSystem.From(system);
    }
}
