using OdeDsl.Runtime.Data;

namespace OdeDsl.Runtime.Tests.Data;

public class ObservationCsvTests
{
    private static ObservationTable Read(string text, ObservationTableOptions options) =>
        ObservationCsv.Read(new StringReader(text), "data.csv", options);

    private static DataError Fails(string text, ObservationTableOptions options) =>
        Assert.Throws<DataError>(() => Read(text, options));

    private static readonly ObservationTableOptions Xy = new() { Observed = ["x", "y"] };

    [Fact]
    public void Reads_one_trajectory_with_missing_cells_irregular_times_and_ignored_columns()
    {
        var table = Read("time,y,weight,x\n0,1.5,70,2\n0.25,,71,3\n1.75,4e-1,72,\n", Xy);

        var trajectory = Assert.Single(table.Trajectories);
        Assert.Equal([0, 0.25, 1.75], trajectory.Times);
        Assert.Equal(2.0, trajectory.Value(0, 0));
        Assert.Equal(1.5, trajectory.Value(0, 1));
        Assert.True(double.IsNaN(trajectory.Value(1, 1)));
        Assert.Equal(0.4, trajectory.Value(2, 1));
        Assert.True(double.IsNaN(trajectory.Value(2, 0)));
        Assert.Equal(4, table.ObservedValueCount);
    }

    [Fact]
    public void Splits_trajectories_by_id_in_order_of_first_appearance_with_mapped_columns()
    {
        var options = new ObservationTableOptions
        {
            Observed = ["c"], TimeColumn = "Time", TrajectoryColumn = "Subject",
            ColumnMap = new Dictionary<string, string> { ["c"] = "conc" },
        };
        var table = Read("Subject,Time,conc\n2,0,1\n2,1,2\n1,0.5,3\n2,3,4\n1,2,5\n", options);

        Assert.Equal(["2", "1"], table.Trajectories.Select(t => t.Id));
        Assert.Equal([0, 1, 3], table.Trajectories[0].Times);
        Assert.Equal([1, 2, 4], table.Trajectories[0].Values);
        Assert.Equal([0.5, 2], table.Trajectories[1].Times);
    }

    [Fact]
    public void Inputs_are_per_trajectory_constants_or_piecewise_linear_covariates()
    {
        var options = new ObservationTableOptions { Observed = ["c"], Inputs = ["dose", "temp"], TrajectoryColumn = "id" };
        var table = Read("id,t,c,dose,temp\na,0,1,4.0,10\na,1,,4.0,\na,3,2,4.0,30\nb,0,1,5.5,7\n", options);

        var a = table.Trajectories[0];
        Assert.True(a.IsConstantInput(0));
        Assert.Equal(4.0, a.Input(0, 2.2));
        Assert.False(a.IsConstantInput(1));
        Assert.Equal(10 + 20 * 0.5 / 3, a.Input(1, 0.5), 12); // the empty cell at t=1 is skipped: linear from (0, 10) to (3, 30)
        Assert.Equal(10.0, a.Input(1, -1));
        Assert.Equal(30.0, a.Input(1, 4));
        Assert.Equal(5.5, table.Trajectories[1].Input(0, 0));
    }

    [Fact]
    public void Unsorted_times_name_the_row_and_both_times()
    {
        var error = Fails("t,x,y\n0,1,1\n2,1,1\n1,1,1\n", Xy);
        Assert.Equal("data.csv, row 4, column 't': time 1 comes after 2 (row 3); sort the rows by time", error.Message);
    }

    [Fact]
    public void Duplicate_times_within_a_trajectory_are_rejected()
    {
        var options = Xy with { TrajectoryColumn = "id" };
        var error = Fails("id,t,x,y\nA,0,1,1\nB,0,1,1\nA,0,2,2\n", options);
        Assert.Equal("data.csv, row 4, column 't': time 0 repeats row 2 in trajectory 'A'; each time may appear once per trajectory", error.Message);
    }

    [Fact]
    public void A_missing_time_column_lists_the_columns()
    {
        var error = Fails("year,x,y\n0,1,1\n", Xy);
        Assert.Equal("data.csv: there is no time column (looked for 't' or 'time'); name it with --time-column; the columns are 'year', 'x', 'y'", error.Message);
    }

    [Fact]
    public void A_named_time_column_that_does_not_exist_lists_the_columns()
    {
        var error = Fails("t,x,y\n0,1,1\n", Xy with { TimeColumn = "Year" });
        Assert.Equal("data.csv: there is no column 'Year' for time; the columns are 't', 'x', 'y'", error.Message);
    }

    [Fact]
    public void A_column_an_observation_needs_is_named_with_the_columns_that_exist()
    {
        var error = Fails("t,x,Hare\n0,1,1\n", Xy);
        Assert.Equal("data.csv: there is no column 'y' for observe 'y'; the columns are 't', 'x', 'Hare'", error.Message);
    }

    [Fact]
    public void A_column_an_input_needs_is_named_with_the_columns_that_exist()
    {
        var error = Fails("t,x,y\n0,1,1\n", Xy with { Inputs = ["dose"] });
        Assert.Equal("data.csv: there is no column 'dose' for input 'dose'; the columns are 't', 'x', 'y'", error.Message);
    }

    [Fact]
    public void A_missing_trajectory_column_is_named()
    {
        var error = Fails("t,x,y\n0,1,1\n", Xy with { TrajectoryColumn = "Subject" });
        Assert.Equal("data.csv: there is no column 'Subject' for trajectory ids; the columns are 't', 'x', 'y'", error.Message);
    }

    [Fact]
    public void Non_numeric_cells_name_file_row_and_column()
    {
        var error = Fails("t,x,y\n0,1,1\n1,1,n/a\n", Xy);
        Assert.Equal("data.csv, row 3, column 'y': 'n/a' is not a number; write numbers such as 1.5 or 2e-3, and leave missing values empty", error.Message);
        Assert.Equal(3, error.Row);
        Assert.Equal("y", error.Column);
    }

    [Fact]
    public void An_empty_time_cell_is_an_error()
    {
        var error = Fails("t,x,y\n0,1,1\n,1,1\n", Xy);
        Assert.Equal("data.csv, row 3, column 't': the cell is empty, but every row needs a value here", error.Message);
    }

    [Fact]
    public void Times_before_the_model_start_are_rejected()
    {
        var error = Fails("t,x,y\n-0.5,1,1\n", Xy with { ModelStart = 0 });
        Assert.Equal("data.csv, row 2, column 't': time -0.5 is before the model's start t0 = 0", error.Message);
    }

    [Fact]
    public void An_input_without_any_value_in_a_trajectory_is_an_error()
    {
        var options = Xy with { Inputs = ["dose"], TrajectoryColumn = "id" };
        var error = Fails("id,t,x,y,dose\na,0,1,1,3\nb,0,1,1,\n", options);
        Assert.Equal("data.csv, column 'dose': input 'dose' has no value for trajectory 'b'; give it in at least one row", error.Message);
    }

    [Fact]
    public void Empty_files_and_files_without_rows_are_errors()
    {
        Assert.Equal("data.csv: the file is empty; it needs a header row with a time column and one column per observed quantity",
            Fails("", Xy).Message);
        Assert.Equal("data.csv: the file has a header but no data rows", Fails("t,x,y\n", Xy).Message);
    }

    [Fact]
    public void A_file_that_does_not_exist_is_named()
    {
        var path = Path.Combine(Path.GetTempPath(), "odedsl-no-such-" + Guid.NewGuid().ToString("N") + ".csv");
        var error = Assert.Throws<DataError>(() => ObservationCsv.Read(path, Xy));
        Assert.Equal($"{path}: no such file", error.Message);
    }
}
