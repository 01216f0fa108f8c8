using System.Text.RegularExpressions;

namespace OdeDsl.Language.Tests.Lowering;

/// <summary>
/// Seeded token mutations (delete, duplicate, swap, replace) of the model corpus, run through the
/// whole pipeline including lowering and differentiation: no exception escapes, and a mutant that
/// still binds yields a system or diagnostics, never a crash. Complements the front end's own
/// mutation fuzz test, which stops after binding.
/// </summary>
public class CompileRobustnessTests
{
    private const int Cases = 2000;
    private static readonly Regex Token = new(@"[A-Za-z_][A-Za-z_0-9]*|\d+(\.\d*)?([eE][-+]?\d+)?|\.\d+|\S", RegexOptions.Compiled);
    private static readonly string[] Replacements = ["0", "-", "^", "@", "(", ")", "[", "]", "x", "z", "learn", "heav", "flr", "mlp", "sum", ",", "=", "'", "1e308"];

    [Fact]
    public void Mutated_models_never_throw_through_the_whole_pipeline()
    {
        var models = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Lowering", "Models"), "*.ode")
            .Order().Select(File.ReadAllText).ToArray();
        var random = new Random(20261201);
        var compiled = 0;
        for (var i = 0; i < Cases; i++)
        {
            var text = models[i % models.Length];
            for (var mutations = random.Next(1, 3); mutations > 0; mutations--)
            {
                text = Mutate(text, random);
            }
            var result = Compiler.Compile(text, "mutant.ode");
            if (result.System is not null)
            {
                compiled++;
            }
            else
            {
                Assert.True(result.Diagnostics.Any(diagnostic => diagnostic.IsError), $"no system and no error for:\n{text}");
            }
        }
        Assert.True(compiled > Cases / 10, $"only {compiled} mutants compiled; the test would not reach lowering");
    }

    private static string Mutate(string text, Random random)
    {
        var tokens = Token.Matches(text).Cast<Match>().ToList();
        var pick = tokens[random.Next(tokens.Count)];
        var replacement = random.Next(4) switch
        {
            0 => "",
            1 => pick.Value + " " + pick.Value,
            2 => tokens[random.Next(tokens.Count)].Value,
            _ => Replacements[random.Next(Replacements.Length)],
        };
        return text.Substring(0, pick.Index) + replacement + text.Substring(pick.Index + pick.Length);
    }
}
