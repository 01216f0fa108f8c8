using OdeDsl.Runtime.Data;
using OdeDsl.Runtime.Fitting;
using OdeDsl.Runtime.Gradients;
using OdeDsl.Runtime.Solvers;
using OdeDsl.Runtime.Tests.Systems;

namespace OdeDsl.Runtime.Tests.Fitting;

/// <summary>
/// Fixed per-column weights: <c>L = (1/N) Σ w_j r²</c> for <c>z = z0·e^{−kt}</c> (<c>y = z</c> normal, <c>w = 2z</c>
/// lognormal) against the closed form, and its gradient, through both the gradient command's path and the fitter's
/// objective (with multiple shooting, whose free states get the weighted gradient too), against central finite differences of the weighted loss.
/// </summary>
public sealed class ColumnWeightTests
{
    private const string Data = "t,y,w\n0.5,1.5,3\n1,,1\n2,0.5,0.7\n3,0.4,0.5\n";
    private static readonly SolveOptions Tight = new() { Rtol = 1e-12, Atol = 1e-12 };
    private static readonly Dictionary<string, double> Weights = new() { ["y"] = 3, ["w"] = 0.25 };

    private static ObservationTable Table() =>
        ObservationCsv.Read(new StringReader(Data), "data.csv", new ObservationTableOptions { Observed = ["y", "w"] });

    [Fact]
    public void Weighted_loss_is_the_mean_of_weighted_squared_residuals_and_unit_weights_change_nothing()
    {
        var system = new ObservedDecaySystem();
        var table = Table();
        double[] parameters = [0.5, 2];
        double Z(double t) => ObservedDecaySystem.Exact(0.5, 2, t);
        var squaresY = Math.Pow(Z(0.5) - 1.5, 2) + Math.Pow(Z(2) - 0.5, 2) + Math.Pow(Z(3) - 0.4, 2);
        var squaresW = Math.Pow(Math.Log(2 * Z(0.5) / 3), 2) + Math.Pow(Math.Log(2 * Z(1)), 2)
                       + Math.Pow(Math.Log(2 * Z(2) / 0.7), 2) + Math.Pow(Math.Log(2 * Z(3) / 0.5), 2);

        var weighted = FittingObjective.Loss(system, table, new ObservationLoss(system, table, Weights), parameters, Tight);
        var unit = FittingObjective.Loss(system, table, new ObservationLoss(system, table, new Dictionary<string, double> { ["y"] = 1, ["w"] = 1 }), parameters, Tight);
        var plain = FittingObjective.Loss(system, table, new ObservationLoss(system, table), parameters, Tight);

        Assert.Equal((3 * squaresY + 0.25 * squaresW) / 7, weighted, 10);
        Assert.Equal(plain, unit);
    }

    [Theory]
    [InlineData(GradientMethod.Adjoint)]
    [InlineData(GradientMethod.Discrete)]
    public void Gradient_of_the_weighted_loss_matches_central_differences(GradientMethod method)
    {
        var system = new ObservedDecaySystem();
        var table = Table();
        var loss = new ObservationLoss(system, table, Weights);
        double[] parameters = [0.5, 2];

        var result = DatasetGradient.Compute(system, table, loss, parameters,
            new GradientOptions { Method = method, Solve = Tight });

        Assert.True(result.Succeeded, result.Failure);
        for (var k = 0; k < parameters.Length; k++)
        {
            var difference = CentralDifference(at => FittingObjective.Loss(system, table, loss, at, Tight), parameters, k);
            Assert.Equal(difference, result.Parameters[k], 1e-7);
        }
    }

    [Fact]
    public void Fit_objective_gradient_with_weights_and_multiple_shooting_matches_central_differences()
    {
        var system = new ObservedDecaySystem();
        var table = Table();
        var options = new FitOptions
        {
            Solve = Tight,
            Trainable = [new TrainableParameter("k", FitConstraint.Positive), new TrainableParameter("z0")],
            Weights = Weights,
            ShootingSegments = 2,
        };
        double[] start = [0.4, 2.2];
        var objective = new FitObjective<ObservedDecaySystem>(system, table, new ObservationLoss(system, table, Weights), options,
            new TrainableVector(system.ParameterNames, start, options.Trainable), start);
        var u = objective.Start();

        var (_, gradient) = objective.Evaluate(u, 0, out var failure)!.Value;

        Assert.Null(failure);
        for (var k = 0; k < u.Length; k++)
        {
            var difference = CentralDifference(at => objective.Evaluate(at, 0, out _)!.Value.Loss, u, k);
            Assert.Equal(difference, gradient[k], 1e-7);
        }
    }

    [Fact]
    public void Weight_of_an_unknown_column_or_a_non_positive_weight_is_refused()
    {
        var system = new ObservedDecaySystem();
        var table = Table();
        var unknown = Assert.Throws<ArgumentException>(() => new ObservationLoss(system, table, new Dictionary<string, double> { ["q"] = 1 }));
        Assert.Equal("weight of 'q': the table has no observed column 'q'; its observed columns are y, w", unknown.Message);
        var negative = Assert.Throws<ArgumentException>(() => new ObservationLoss(system, table, new Dictionary<string, double> { ["y"] = -1 }));
        Assert.Equal("weight of 'y': a weight must be positive and finite, but it is -1", negative.Message);
    }

    internal static double CentralDifference(Func<double[], double> function, double[] at, int index)
    {
        var step = 1e-6 * Math.Max(1, Math.Abs(at[index]));
        var plus = (double[])at.Clone();
        var minus = (double[])at.Clone();
        plus[index] += step;
        minus[index] -= step;
        return (function(plus) - function(minus)) / (2 * step);
    }
}
