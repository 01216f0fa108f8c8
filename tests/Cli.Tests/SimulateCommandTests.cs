using System.Globalization;

namespace OdeDsl.Cli.Tests;

public sealed class SimulateCommandTests
{
    private static List<double[]> Rows(string csv) =>
        csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Select(line => line.Split(',').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray())
            .ToList();

    [Fact]
    public void Exponential_decay_matches_the_analytic_solution()
    {
        // y' = -k y, y(0) = 2, k = 0.5: y(t) = 2 exp(-t/2).
        var (exitCode, output, error) = CliRunner.Run("simulate", CliRunner.Model("exponential_decay.ode"), "--method", "dopri5", "--rtol", "1e-10", "--atol", "1e-12");
        Assert.True(exitCode == 0, error);
        Assert.Equal("t,y", output.Split('\n')[0].Trim());
        var rows = Rows(output);
        Assert.Equal(9, rows.Count);                       // @ total=4, dt=0.5: t = 0, 0.5, …, 4
        foreach (var row in rows) Assert.Equal(2 * Math.Exp(-0.5 * row[0]), row[1], 1e-9);
        Assert.Equal(4.0, rows[^1][0]);
    }

    [Fact]
    public void The_file_defaults_follow_xppaut_rk4_with_step_dt()
    {
        // No meth in the file: XPPAUT's default, fourth-order Runge–Kutta with h = dt = 0.5.
        var (exitCode, output, _) = CliRunner.Run("simulate", CliRunner.Model("exponential_decay.ode"));
        Assert.Equal(0, exitCode);
        var rows = Rows(output);
        var h = 0.5;
        var factor = 1 - h * 0.5 + Math.Pow(h * 0.5, 2) / 2 - Math.Pow(h * 0.5, 3) / 6 + Math.Pow(h * 0.5, 4) / 24;  // RK4 on y' = -k y
        for (var i = 0; i < rows.Count; i++) Assert.Equal(2 * Math.Pow(factor, i), rows[i][1], 1e-12);
    }

    [Fact]
    public void Set_saveat_and_output_file_work_together_and_aux_columns_follow_the_states()
    {
        var folder = CliRunner.TemporaryFolder();
        var csv = Path.Combine(folder, "out.csv");
        var (exitCode, output, error) = CliRunner.Run("simulate", CliRunner.Model("lotka_volterra.ode"), "--saveat", "0,0.5,1",
            "--set", "y=3", "--set", "beta=0", "--method", "dop853", "--rtol", "1e-11", "--atol", "1e-11", "-o", csv);
        Assert.True(exitCode == 0, error);
        Assert.Equal("", output);
        var text = File.ReadAllText(csv);
        Assert.Equal("t,x,y,total", text.Split('\n')[0].Trim());
        var rows = Rows(text);
        Assert.Equal(new[] { 0, 0.5, 1 }, rows.Select(r => r[0]));
        // beta = 0 decouples the prey: x(t) = 10 exp(1.1 t).
        foreach (var row in rows)
        {
            Assert.Equal(10 * Math.Exp(1.1 * row[0]), row[1], 1e-7);
            Assert.Equal(row[1] + row[2], row[3], 1e-12);
        }
    }

    [Theory]
    [InlineData("stiff")]
    [InlineData("gear")]
    [InlineData("cvode")]
    [InlineData("backeul")]
    public void Xppaut_stiff_methods_run_on_the_stiff_solvers(string method)
    {
        var folder = CliRunner.TemporaryFolder();
        var csv = Path.Combine(folder, "out.csv");
        var (exitCode, _, error) = CliRunner.Run("simulate", CliRunner.Model("lotka_volterra.ode"), "--set", "y=3",
            "--set", "beta=0", "--t1", "1", "--method", method, "-o", csv);
        Assert.True(exitCode == 0, error);
        // beta = 0 decouples the prey: x(t) = 10 exp(1.1 t); backward Euler with the default dt is only first order.
        var last = Rows(File.ReadAllText(csv))[^1];
        Assert.Equal(10 * Math.Exp(1.1 * last[0]), last[1], 0.2 * last[1]);
    }

    [Theory]
    [InlineData("stiff")]
    [InlineData("gear")]
    public void Adaptive_stiff_methods_adapt_their_step_when_dt_only_sets_the_output_interval(string method)
    {
        // dt = 10 is the output interval; a Rosenbrock or BDF step of 10 from t = 0 would leave the solution's domain.
        var (exitCode, output, error) = CliRunner.Run("simulate", CliRunner.Model("robertson.ode"), "--method", method);
        Assert.True(exitCode == 0, error);
        var last = Rows(output)[^1];
        Assert.Equal(40.0, last[0]);
        // Reference values at t = 40 (Hairer & Wanner, Solving ODEs II, §IV.10).
        Assert.Equal(0.7158270687193267, last[1], 1e-6);
        Assert.Equal(9.185534764529e-6, last[2], 1e-10);
        Assert.Equal(0.2841637457458837, last[3], 1e-6);
    }

    [Theory]
    [InlineData("--set", "nope=1", "no parameter or state named 'nope'")]
    [InlineData("--set", "beta", "write name=value")]
    [InlineData("--method", "magic", "unknown method 'magic'")]
    [InlineData("--saveat", "0,x", "'x' is not a number")]
    [InlineData("--dt", "-1", "must be positive")]
    public void Bad_arguments_are_one_clear_line_and_exit_code_2(string option, string value, string message)
    {
        var (exitCode, _, error) = CliRunner.Run("simulate", CliRunner.Model("lotka_volterra.ode"), option, value);
        Assert.Equal(2, exitCode);
        Assert.Contains(message, error);
        Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }
}
