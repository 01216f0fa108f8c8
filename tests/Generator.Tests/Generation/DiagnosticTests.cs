using Microsoft.CodeAnalysis;
using OdeDsl.Generator.Tests.Support;

namespace OdeDsl.Generator.Tests.Generation;

/// <summary>Language diagnostics surface as compiler diagnostics at the <c>.ode</c> file's line and column.</summary>
public sealed class DiagnosticTests
{
    [Fact]
    public void A_syntax_error_is_reported_at_its_line_and_column_in_the_model_file()
    {
        const string model = "par a=1\n\nx' = -a*x +\ninit x=1\n";
        var driver = GeneratorHarness.CreateDriver(new[] { GeneratorHarness.Model("/models/broken.ode", model) });
        var (_, result, _) = GeneratorHarness.Run(driver, GeneratorHarness.Compilation(Array.Empty<string>()));

        var error = Assert.Single(result.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.StartsWith("ODE1", error.Id);
        var span = error.Location.GetLineSpan();
        Assert.Equal("/models/broken.ode", span.Path);
        Assert.Equal(2, span.StartLinePosition.Line);                 // 0-based: line 3 of the file
        Assert.InRange(span.StartLinePosition.Character, 4, 12);      // inside "-a*x +"
        Assert.Empty(result.GeneratedTrees);
    }

    [Fact]
    public void The_printed_form_is_what_msbuild_shows()
    {
        var driver = GeneratorHarness.CreateDriver(new[] { GeneratorHarness.Model("m.ode", "x' = (1 + \n") });
        var (_, result, _) = GeneratorHarness.Run(driver, GeneratorHarness.Compilation(Array.Empty<string>()));
        var error = result.Diagnostics.First(d => d.Severity == DiagnosticSeverity.Error);
        Assert.Matches(@"^m\.ode\(1,\d+\): error ODE1\d{3}: ", error.ToString());
    }

    [Fact]
    public void A_model_with_an_input_generates_code_with_the_input_in_theta_and_no_diagnostics()
    {
        var driver = GeneratorHarness.CreateDriver(new[] { GeneratorHarness.Model("dosed.ode", "input dose\nx' = -x + dose\ninit x=1\n") });
        var (_, result, _) = GeneratorHarness.Run(driver, GeneratorHarness.Compilation(Array.Empty<string>()));
        Assert.Empty(result.Diagnostics);
        var text = Assert.Single(result.GeneratedTrees).GetText().ToString();
        Assert.Contains("parameterNames = { \"dose\" }", text);
        Assert.Contains("inputNames = { \"dose\" }", text);
    }

    [Fact]
    public void Two_models_with_one_system_name_are_ode5003_not_a_crash()
    {
        var driver = GeneratorHarness.CreateDriver(new[]
        {
            GeneratorHarness.Model("a/decay.ode", "system Decay\nx' = -x\n"),
            GeneratorHarness.Model("b/decay.ode", "system Decay\nx' = -2*x\n"),
        });
        var (_, result, _) = GeneratorHarness.Run(driver, GeneratorHarness.Compilation(Array.Empty<string>()));
        Assert.Equal("ODE5003", Assert.Single(result.Diagnostics).Id);
        Assert.Single(result.GeneratedTrees);
    }
}
