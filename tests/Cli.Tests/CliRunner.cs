namespace OdeDsl.Cli.Tests;

/// <summary>Runs <c>odedsl</c> in process and captures what it prints.</summary>
internal static class CliRunner
{
    public static string Model(string name) => Path.Combine(AppContext.BaseDirectory, "Models", name);

    public static (int ExitCode, string Output, string Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exitCode = CliApplication.Run(args, output, error);
        return (exitCode, output.ToString(), error.ToString());
    }

    public static string TemporaryFolder()
    {
        var folder = Path.Combine(Path.GetTempPath(), "odedsl-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        return folder;
    }
}
