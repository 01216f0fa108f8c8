using OdeDsl.Runtime.Data;
using OdeDsl.Runtime.Fitting;
using OdeDsl.Runtime.Solvers;
using OdeDsl.Runtime.Tests.Systems;

namespace OdeDsl.Runtime.Tests.Fitting;

public class ObservationLossTests
{
    private static ObservationTable Table(string text, params string[] observed) =>
        ObservationCsv.Read(new StringReader(text), "data.csv", new ObservationTableOptions { Observed = observed });

    private static readonly SolveOptions Tight = new() { Rtol = 1e-12, Atol = 1e-12 };

    [Fact]
    public void Loss_is_the_mean_of_squared_residuals_and_of_squared_log_residuals()
    {
        var system = new ObservedDecaySystem();
        var table = Table("t,y,w\n0,1.5,3\n1,,1\n2,0.5,\n", "y", "w");
        double[] parameters = [0.5, 2];

        var loss = FittingObjective.Loss(system, table, new ObservationLoss(system, table), parameters, Tight);

        double Z(double t) => ObservedDecaySystem.Exact(0.5, 2, t);
        var expected = (Math.Pow(Z(0) - 1.5, 2) + Math.Pow(Math.Log(2 * Z(0)) - Math.Log(3), 2)
                        + Math.Pow(Math.Log(2 * Z(1)) - Math.Log(1), 2) + Math.Pow(Z(2) - 0.5, 2)) / 4;
        Assert.Equal(expected, loss, 10);
    }

    [Fact]
    public void State_cotangents_match_central_differences_of_the_loss_in_the_saved_states()
    {
        var system = new ObservedDecaySystem();
        var table = Table("t,y,w\n0.5,1.5,3\n1,,1\n2,0.5,0.7\n", "y", "w");
        var lossFunction = new ObservationLoss(system, table);
        var evaluation = FittingObjective.Evaluate(system, table, lossFunction, [0.5, 2], Tight);
        var states = evaluation.States[0];

        double LossAt(double[] z)
        {
            var outputs = new double[z.Length * 3];
            system.Outputs(0, z, [], outputs);
            return lossFunction.Accumulate(table.Trajectories[0], outputs, new double[outputs.Length]);
        }
        for (var i = 0; i < states.Length; i++)
        {
            const double step = 1e-6;
            var plus = (double[])states.Clone();
            var minus = (double[])states.Clone();
            plus[i] += step;
            minus[i] -= step;
            var difference = (LossAt(plus) - LossAt(minus)) / (2 * step);
            Assert.Equal(difference, evaluation.StateCotangents[0][i], 8);
        }
    }

    [Fact]
    public void Observed_columns_must_be_model_observations()
    {
        var system = new ObservedDecaySystem();
        var error = Assert.Throws<DataError>(() => new ObservationLoss(system, Table("t,a\n0,1\n", "a")));
        Assert.Equal("data.csv, column 'a': the model has no observation 'a'; its observations are y, w", error.Message);
    }

    [Fact]
    public void Lognormal_data_must_be_positive()
    {
        var system = new ObservedDecaySystem();
        var error = Assert.Throws<DataError>(() => new ObservationLoss(system, Table("t,w\n0,1\n1,0\n", "w")));
        Assert.Equal("data.csv, column 'w': 'w' is a lognormal observation, so its data must be positive, but it is 0 at t = 1; leave the cell empty or use '~ normal'", error.Message);
    }
}
