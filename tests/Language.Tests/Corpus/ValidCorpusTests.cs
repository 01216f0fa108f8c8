using OdeDsl.Language.Binding;
using OdeDsl.Language.Diagnostics;
using OdeDsl.Language.Tests.Support;

namespace OdeDsl.Language.Tests.Corpus;

/// <summary>Every valid corpus model parses and binds cleanly, and its `# check:` derivatives match the hand-computed values.</summary>
public sealed class ValidCorpusTests
{
    public static TheoryData<string> Files => CorpusFiles.Names("Valid");

    [Theory]
    [MemberData(nameof(Files))]
    public void Binds_without_errors_or_warnings(string name)
    {
        var (path, text) = CorpusFiles.Read("Valid", name);

        var result = Compiler.Bind(text, path);

        Assert.Empty(result.Diagnostics.Where(d => d.Severity != DiagnosticSeverity.Info).Select(d => d.ToString()));
        Assert.All(result.Diagnostics, d => Assert.Equal(DiagnosticDescriptors.IgnoredOption, d.Descriptor));
        Assert.NotNull(result.System);
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Derivatives_match_the_hand_computed_check_values(string name)
    {
        var (path, text) = CorpusFiles.Read("Valid", name);
        var system = Compiler.Bind(text, path).System!;

        foreach (var check in CheckPoint.FromHeader(text))
        {
            var evaluator = new ReferenceEvaluator(system, check.Point);
            Assert.Equal(system.States.Select(s => s.Name).OrderBy(n => n), check.Expected.Keys.OrderBy(n => n));
            foreach (var state in system.States)
            {
                var actual = evaluator.EvaluateEquation(state);
                var expected = check.Expected[state.Name];
                Assert.Equal(expected.Length, actual.Length);
                for (var i = 0; i < expected.Length; i++)
                {
                    Assert.True(
                        Math.Abs(actual[i] - expected[i]) <= 1e-12 * Math.Max(1, Math.Abs(expected[i])),
                        $"{name}: {state.Name}'[{i}] = {actual[i]:R}, hand-computed {expected[i]:R}");
                }
            }
        }
    }

    [Fact]
    public void At_least_ten_classic_models_carry_check_values()
    {
        var checkedModels = CorpusFiles.All("Valid").Count(f => CheckPoint.FromHeader(File.ReadAllText(f)).Any());

        Assert.True(checkedModels >= 10, $"only {checkedModels} models have a # check: header");
    }
}
