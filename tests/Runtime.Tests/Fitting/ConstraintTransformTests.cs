using OdeDsl.Runtime.Data;
using OdeDsl.Runtime.Fitting;

namespace OdeDsl.Runtime.Tests.Fitting;

/// <summary>
/// The reparametrisations: every unconstrained value (|u| < 30) maps into the feasible set, the inverse round-trips, and
/// the chain-rule derivative matches central differences.
/// </summary>
public sealed class ConstraintTransformTests
{
    private static readonly FitConstraint[] Constraints = [FitConstraint.None, FitConstraint.Positive, FitConstraint.Interval(-2, 3.5)];

    public static TheoryData<int> ConstraintIndices => [0, 1, 2];

    [Theory]
    [MemberData(nameof(ConstraintIndices))]
    public void Unconstrained_values_map_into_the_feasible_set(int which)
    {
        var constraint = Constraints[which];
        var random = new Random(5);
        for (var i = 0; i < 10_000; i++)
        {
            var u = (random.NextDouble() - 0.5) * 60;
            var value = ConstraintTransform.ToConstrained(constraint, u);
            Assert.True(constraint.Contains(value), $"u = {u} maps to {value}, outside {constraint}");
            // The logistic saturates: beyond |u| ≈ 10 the inverse loses digits, so round trips are checked inside.
            if (Math.Abs(u) < 10)
                Assert.True(Math.Abs(ConstraintTransform.ToUnconstrained(constraint, value) - u) < 1e-9, $"u = {u} does not round-trip");
        }
    }

    [Theory]
    [MemberData(nameof(ConstraintIndices))]
    public void Derivative_matches_central_differences(int which)
    {
        var constraint = Constraints[which];
        foreach (var u in new[] { -3.0, -0.4, 0, 0.7, 2.5 })
        {
            const double h = 1e-6;
            var difference = (ConstraintTransform.ToConstrained(constraint, u + h) - ConstraintTransform.ToConstrained(constraint, u - h)) / (2 * h);
            Assert.Equal(difference, ConstraintTransform.Derivative(constraint, u), 1e-7);
        }
    }

    [Fact]
    public void Values_outside_the_set_cannot_start_a_fit()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ConstraintTransform.ToUnconstrained(FitConstraint.Positive, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => ConstraintTransform.ToUnconstrained(FitConstraint.Interval(0, 1), 1));
        var error = Assert.Throws<ArgumentException>(() => new TrainableVector(["a", "b"], [1, -1], [new TrainableParameter("b", FitConstraint.Positive)]));
        Assert.Contains("'b' starts at -1", error.Message);
    }

    [Fact]
    public void Fitted_parameters_stay_feasible_when_the_data_pull_them_out()
    {
        // Data of a growing exponential: the best unconstrained damping would be negative, the constrained fit stays above 0.
        var system = new FitPendulum();
        var text = "t,angle\n" + string.Join("\n", Enumerable.Range(1, 20).Select(i => $"{i * 0.2},{1.2 * Math.Exp(0.3 * i * 0.2)}"));
        var data = ObservationCsv.Read(new StringReader(text), "growing.csv", new ObservationTableOptions { Observed = ["angle"] });
        var result = Fitter.Fit(system, data, new FitOptions
        {
            Trainable = [new TrainableParameter("damping", FitConstraint.Positive), new TrainableParameter("length", FitConstraint.Interval(0.1, 10))],
            Iterations = 40,
            LearningRate = 0.3,
        });
        Assert.True(result["damping"] > 0);
        Assert.InRange(result["length"], 0.1, 10);
        Assert.True(result.History[^1].Loss < result.History[0].Loss);
    }
}
