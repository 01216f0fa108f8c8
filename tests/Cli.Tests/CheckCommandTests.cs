namespace OdeDsl.Cli.Tests;

public sealed class CheckCommandTests
{
    [Fact]
    public void A_valid_model_passes_with_exit_code_0()
    {
        var (exitCode, output, error) = CliRunner.Run("check", CliRunner.Model("lorenz.ode"));
        Assert.Equal(0, exitCode);
        Assert.Equal("", output);
        Assert.Equal("", error);
    }

    [Fact]
    public void Errors_are_printed_as_path_line_column_code_message_with_exit_code_1()
    {
        var folder = CliRunner.TemporaryFolder();
        var path = Path.Combine(folder, "broken.ode");
        File.WriteAllText(path, "par a=1\nx' = -a*x\ny' = x + undefined_name\n");
        var (exitCode, output, _) = CliRunner.Run("check", path);
        Assert.Equal(1, exitCode);
        var line = Assert.Single(output.Split('\n', StringSplitOptions.RemoveEmptyEntries), l => l.Contains(": error "));
        Assert.Matches(@"^.*broken\.ode\(3,10\): error ODE2\d{3}: .*undefined_name", line.TrimEnd('\r'));
    }

    [Fact]
    public void A_missing_file_is_one_line_and_exit_code_2()
    {
        var (exitCode, output, _) = CliRunner.Run("check", "/nonexistent/model.ode");
        Assert.Equal(2, exitCode);
        Assert.Equal("odedsl: cannot read '/nonexistent/model.ode': no such directory\n", output.Replace("\r\n", "\n"));
    }

    [Fact]
    public void Unknown_arguments_are_a_usage_error_without_a_stack_trace()
    {
        var (exitCode, _, error) = CliRunner.Run("simulate", CliRunner.Model("lorenz.ode"), "--frobnicate", "3");
        Assert.Equal(2, exitCode);
        Assert.StartsWith("odedsl: ", error);
        Assert.DoesNotContain("   at ", error);
    }
}
