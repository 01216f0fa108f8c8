using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using OdeDsl.Generator.Attributed;
using OdeDsl.Generator.Tests.Support;

namespace OdeDsl.Generator.Tests.Attributed;

/// <summary>The attributed C# form read into model text, and its errors at the exact C# span.</summary>
public sealed class AttributedSystemReaderTests
{
    public const string Pendulum = """
        using System;
        using OdeDsl.Runtime.Modeling;

        namespace Physics;

        [OdeSystem]
        public partial class Pendulum
        {
            [State] double theta = 1.0, omega = 0.0;
            [Learn(Min = 0)] double damping = 0.1;
            [Par] double g = 9.81, length = 1.0;

            double dtheta => omega;
            double domega => -g / length * Math.Sin(theta) - damping * omega;
            [Aux] double energy => 0.5 * omega * omega + g / length * (1 - Math.Cos(theta));
        }
        """;

    private static ClassDeclarationSyntax Class(string source) =>
        CSharpSyntaxTree.ParseText(source, path: "/src/Pendulum.cs").GetRoot().DescendantNodes().OfType<ClassDeclarationSyntax>().First();

    [Fact]
    public void Members_become_model_statements_on_their_own_line_numbers()
    {
        var system = AttributedSystemReader.Read(Class(Pendulum), null, default);
        Assert.Empty(system.Diagnostics);
        var lines = system.ModelText.Split('\n');
        Assert.Equal("system Pendulum", lines[5]);
        Assert.Equal("init theta=1, omega=0", lines[8]);
        Assert.Equal("learn damping=0.1 positive", lines[9]);
        Assert.Equal("par g=9.81, length=1", lines[10]);
        Assert.Equal("theta' = omega", lines[12]);
        Assert.Equal("omega' = -g / length * sin(theta) - damping * omega", lines[13]);
        Assert.Equal("aux energy = 0.5 * omega * omega + g / length * (1 - cos(theta))", lines[14]);
        Assert.Equal("Physics", system.Target.Namespace);
        Assert.Equal("partial class", system.Target.Declaration);
    }

    [Fact]
    public void An_unsupported_expression_is_an_error_at_its_exact_span()
    {
        var source = Pendulum.Replace("Math.Sin(theta)", "Helper(theta)");
        var system = AttributedSystemReader.Read(Class(source), null, default);
        var error = Assert.Single(system.Diagnostics);
        Assert.Equal("ODE5002", error.Code);
        Assert.Equal(source.IndexOf("Helper(theta)", StringComparison.Ordinal), error.Start);
        Assert.Equal("Helper(theta)".Length, error.Length);
        Assert.Equal(14, error.Line);
    }

    [Fact]
    public void A_class_that_is_not_partial_is_an_error_through_the_generator()
    {
        var source = Pendulum.Replace("public partial class", "public class");
        var driver = GeneratorHarness.CreateDriver(Array.Empty<AdditionalText>());
        var (_, result, _) = GeneratorHarness.Run(driver, GeneratorHarness.Compilation(source));
        var error = Assert.Single(result.Diagnostics, d => d.Id == "ODE5002");
        Assert.Contains("must be declared 'partial'", error.GetMessage());
        Assert.Empty(result.GeneratedTrees);
    }
}
