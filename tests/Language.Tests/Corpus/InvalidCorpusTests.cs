using OdeDsl.Language.Diagnostics;
using OdeDsl.Language.Tests.Support;

namespace OdeDsl.Language.Tests.Corpus;

/// <summary>
/// Every malformed corpus file reports exactly the diagnostics its `# expect: CODE at L:C-L:C`
/// header lists: same codes, same spans, nothing more. Files marked `# stage: lower` are
/// rejected only when lowered to the IR (ODE4001), so binding must accept them.
/// </summary>
public sealed class InvalidCorpusTests
{
    public static TheoryData<string> Files => CorpusFiles.Names("Invalid");

    [Theory]
    [MemberData(nameof(Files))]
    public void Reports_exactly_the_expected_codes_and_spans(string name)
    {
        var (path, text) = CorpusFiles.Read("Invalid", name);
        var expected = ExpectedDiagnostic.FromHeader(text);
        Assert.NotEmpty(expected);

        var result = Compiler.Bind(text, path);

        if (text.Contains("# stage: lower"))
        {
            Assert.DoesNotContain(result.Diagnostics, d => d.IsError);
            return;
        }

        var actual = result.Diagnostics.Select(d => new ExpectedDiagnostic(d.Code, d.Span.ToRangeString()).ToString()).OrderBy(s => s, StringComparer.Ordinal);
        Assert.Equal(expected.Select(e => e.ToString()).OrderBy(s => s, StringComparer.Ordinal), actual);
        Assert.All(result.Diagnostics, d => Assert.Equal(path, d.Span.Path));
    }

    [Fact]
    public void The_corpus_has_at_least_forty_files()
    {
        Assert.True(CorpusFiles.All("Invalid").Count() >= 40);
    }

    /// <summary>Every error and warning the language can report is demonstrated by a corpus file, so docs and tests cannot miss one.</summary>
    [Fact]
    public void Every_descriptor_is_exercised_by_the_corpus()
    {
        var exercised = CorpusFiles.All("Invalid")
            .SelectMany(f => ExpectedDiagnostic.FromHeader(File.ReadAllText(f)))
            .Select(e => e.Code)
            .ToHashSet();

        var missing = DiagnosticDescriptors.All.Select(d => d.Code).Where(code => !exercised.Contains(code));

        Assert.Empty(missing);
    }
}
