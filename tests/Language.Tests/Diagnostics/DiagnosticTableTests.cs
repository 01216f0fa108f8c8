using System.Text.RegularExpressions;
using OdeDsl.Language.Diagnostics;
using OdeDsl.Language.Text;

namespace OdeDsl.Language.Tests.Diagnostics;

public sealed class DiagnosticTableTests
{
    [Fact]
    public void Codes_are_unique_and_in_their_family()
    {
        var codes = DiagnosticDescriptors.All.Select(d => d.Code).ToList();

        Assert.Equal(codes.Count, codes.Distinct().Count());
        Assert.All(codes, code => Assert.Matches(@"^ODE[1-4]\d{3}$", code));
    }

    [Fact]
    public void Not_differentiable_is_reserved_for_lowering_as_ODE4001()
    {
        Assert.Equal("ODE4001", DiagnosticDescriptors.NotDifferentiable.Code);
        Assert.Equal(DiagnosticSeverity.Error, DiagnosticDescriptors.NotDifferentiable.Severity);
    }

    [Fact]
    public void Every_descriptor_has_a_section_in_docs_diagnostics_md()
    {
        var docs = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "docs", "diagnostics.md"));
        var headings = Regex.Matches(docs, @"^## (ODE\d{4}): (.+)$", RegexOptions.Multiline)
            .Cast<Match>()
            .ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value.Trim());

        Assert.All(DiagnosticDescriptors.All, d =>
        {
            Assert.True(headings.TryGetValue(d.Code, out var title), $"docs/diagnostics.md has no '## {d.Code}: {d.Title}' section");
            Assert.Equal(d.Title, title);
        });
        Assert.Empty(headings.Keys.Except(DiagnosticDescriptors.All.Select(d => d.Code)));
    }

    [Fact]
    public void Renders_as_path_line_column_severity_code_message()
    {
        var source = new SourceText("par beta=1\nx' = -bta*x\n", "models/decay.ode");

        var diagnostic = Diagnostic.Create(DiagnosticDescriptors.UndefinedName, source.GetSpan(17, 3), "bta", "; did you mean 'beta'?");

        Assert.Equal("models/decay.ode(2,7): error ODE2001: 'bta' is not defined; did you mean 'beta'?", diagnostic.ToString());
    }

    [Fact]
    public void Warnings_and_infos_render_their_severity()
    {
        var span = new SourceText("x' = -x", "a.ode").GetSpan(0, 1);

        Assert.StartsWith("a.ode(1,1): warning ODE2018:", Diagnostic.Create(DiagnosticDescriptors.ParameterExpression, span, "b", "8/3", "2.6").ToString());
        Assert.StartsWith("a.ode(1,1): info ODE4002:", Diagnostic.Create(DiagnosticDescriptors.IgnoredOption, span, "xp").ToString());
    }
}
