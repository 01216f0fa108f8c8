using System.Diagnostics;

namespace OdeDsl.Generator.Tests.Generation;

/// <summary>
/// The generator inside a real <c>dotnet build</c> (project reference as an analyzer, as in examples/):
/// a broken model fails the build with the language diagnostic at the model's line and column.
/// </summary>
public sealed class BuildTests
{
    private static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "OdeDsl.sln"))) folder = folder.Parent;
        return folder?.FullName ?? throw new InvalidOperationException("OdeDsl.sln not found above " + AppContext.BaseDirectory);
    }

    [Fact]
    public async Task Dotnet_build_of_a_project_with_a_broken_model_fails_at_the_model_line_and_column()
    {
        var generator = Path.Combine(RepositoryRoot(), "src", "Generator", "OdeDsl.Generator.csproj");
        var folder = Path.Combine(Path.GetTempPath(), "odedsl-build-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "Broken.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <OutputType>Library</OutputType>
              </PropertyGroup>
              <ItemGroup>
                <ProjectReference Include="{generator}" OutputItemType="Analyzer" ReferenceOutputAssembly="false" />
                <AdditionalFiles Include="*.ode" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(folder, "broken.ode"), "par a=1\nx' = -a*x\ny' = x + undefined_name\n");

        var start = new ProcessStartInfo("dotnet", ["build", "-c", "Release", "-nologo", "--disable-build-servers", "-p:TreatWarningsAsErrors=true"])
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var errorOutput = process.StandardError.ReadToEndAsync();
        var output = await process.StandardOutput.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        output += await errorOutput;

        Directory.Delete(folder, recursive: true);
        Assert.NotEqual(0, process.ExitCode);
        Assert.Contains(Path.Combine(folder, "broken.ode") + "(3,10): error ODE2001: 'undefined_name' is not defined", output);
    }
}
