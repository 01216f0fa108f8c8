using OdeDsl.Runtime.Solvers;
using OdeDsl.Runtime.Solvers.Tableaux;

namespace OdeDsl.Runtime.Tests.Solvers;

/// <summary>
/// Every tableau satisfies the order conditions of its order (up to four, checked here by summing its
/// coefficients independently of the solver), and every dense output meets the step at both ends.
/// </summary>
public sealed class TableauTests
{
    public static TheoryData<string> MethodNames => [.. Methods.Names];

    [Theory]
    [MemberData(nameof(MethodNames))]
    public void Satisfies_the_order_conditions_up_to_order_four(string name)
    {
        var tableau = Methods.Get(name).Tableau;
        var s = tableau.Stages;
        double[] b = [.. tableau.B], c = [.. tableau.C];
        var a = new double[s, s];
        for (var i = 0; i < s; i++)
            for (var j = 0; j < tableau.A[i].Length; j++)
                a[i, j] = tableau.A[i][j];
        double Sum(Func<int, double> term) => Enumerable.Range(0, s).Sum(term);
        double Ac(int i, int power) => Enumerable.Range(0, s).Sum(j => a[i, j] * Math.Pow(c[j], power));
        double Aac(int i) => Enumerable.Range(0, s).Sum(j => a[i, j] * Ac(j, 1));

        var conditions = new List<(int Order, double Value, double Expected)>
        {
            (1, Sum(i => b[i]), 1),
            (2, Sum(i => b[i] * c[i]), 1 / 2.0),
            (3, Sum(i => b[i] * c[i] * c[i]), 1 / 3.0),
            (3, Sum(i => b[i] * Ac(i, 1)), 1 / 6.0),
            (4, Sum(i => b[i] * Math.Pow(c[i], 3)), 1 / 4.0),
            (4, Sum(i => b[i] * c[i] * Ac(i, 1)), 1 / 8.0),
            (4, Sum(i => b[i] * Ac(i, 2)), 1 / 12.0),
            (4, Sum(i => b[i] * Aac(i)), 1 / 24.0),
        };
        foreach (var (order, value, expected) in conditions.Where(condition => condition.Order <= tableau.Order))
            Assert.True(Math.Abs(value - expected) < 1e-12, $"{name}: an order-{order} condition gives {value}, not {expected}");
        // The first condition it should not satisfy shows the declared order is not too low.
        if (tableau.Order < 4)
            Assert.Contains(conditions, condition => condition.Order == tableau.Order + 1 && Math.Abs(condition.Value - condition.Expected) > 1e-6);
    }

    [Theory]
    [MemberData(nameof(MethodNames))]
    public void Dense_output_starts_at_the_step_start_and_ends_at_the_step_end(string name)
    {
        var method = Methods.Get(name);
        var weights = new double[method.RegisterCount];

        method.DenseOutput.Weights(0, weights);
        Assert.All(weights, w => Assert.Equal(0, w, 1e-12));

        method.DenseOutput.Weights(1, weights);
        for (var j = 0; j < weights.Length; j++)
        {
            var expected = j < method.Tableau.Stages ? method.Tableau.B[j] : 0;
            Assert.True(Math.Abs(weights[j] - expected) < 1e-10, $"{name}: w_{j}(1) = {weights[j]}, b_{j} = {expected}");
        }
    }

    [Fact]
    public void Fsal_is_derived_from_the_coefficients()
    {
        Assert.True(ExplicitTableaux.DormandPrince54.Fsal);
        Assert.True(ExplicitTableaux.Tsitouras54.Fsal);
        Assert.True(ExplicitTableaux.BogackiShampine32.Fsal);
        Assert.False(ExplicitTableaux.RungeKutta4.Fsal);
        Assert.False(ExplicitTableaux.DormandPrince853.Fsal);
    }

    [Fact]
    public void Inconsistent_tableaux_are_rejected_at_construction()
    {
        var rows = Assert.Throws<ArgumentException>(() => new ButcherTableau("Broken", 2, [0, 0.5], [[], [0.4]], [0, 1]));
        var weights = Assert.Throws<ArgumentException>(() => new ButcherTableau("Broken", 2, [0, 0.5], [[], [0.5]], [0.1, 1]));

        Assert.Equal("Broken: row 1 of a sums to 0.4, but c[1] = 0.5.", rows.Message);
        Assert.Equal("Broken: the weights b sum to 1.1, not 1.", weights.Message);
    }
}
