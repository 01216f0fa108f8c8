using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using OdeDsl.Language.Diagnostics;
using OdeDsl.Language.Tests.Support;
using Xunit.Abstractions;

namespace OdeDsl.Language.Tests.Fuzz;

/// <summary>
/// Random token insertions, deletions, swaps and duplications in the valid corpus (fixed seed):
/// no exception escapes, every case finishes in under 100 ms, every rejected case carries at
/// least one diagnostic, and every diagnostic's span lies inside the file.
/// </summary>
public sealed class MutationFuzzTests(ITestOutputHelper output)
{
    private const int Cases = 10_000;
    private const int Seed = 20261201;
    private static readonly TimeSpan Limit = TimeSpan.FromMilliseconds(100);

    private static readonly Regex Token = new(@"[A-Za-z_][A-Za-z0-9_]*|\d+\.?\d*(?:[eE][-+]?\d+)?|\.\.|\*\*|[<>=!]=|&&|\|\||\r?\n|[ \t]+|.", RegexOptions.CultureInvariant);

    /// <summary>Tokens worth inserting: the language's punctuation and keywords, and a few hostile characters.</summary>
    private static readonly string[] Extra =
    [
        "(", ")", "[", "]", "{", "}", ",", "=", "'", "@", "!", "#", "\"", "\\", "\\\n", "..", "?", ":", "~", "^", "**", "/", "dt", "/dt",
        "par", "init", "number", "aux", "done", "state", "learn", "net", "mlp", "observe", "augment", "by", "input", "system",
        "if", "then", "else", "positive", "in", "table", "global", "wiener", "t", "j", "0", "1e999", "-", "\n", " ", "\0", "\u00e9", "\t",
        "x[1..3]", "z[0]", "f(", "delay(", "int{", "(t+1)", "0=", "meth=", "rk4",
    ];

    [Fact]
    public void Mutated_models_never_crash_hang_or_lose_their_diagnostics()
    {
        var corpus = CorpusFiles.All("Valid").Select(f => Tokenize(File.ReadAllText(f))).ToList();
        var random = new Random(Seed);
        Compiler.Bind(string.Join(string.Empty, corpus[0]), "warmup.ode");

        var rejected = 0;
        var slowest = TimeSpan.Zero;
        for (var i = 0; i < Cases; i++)
        {
            var tokens = new List<string>(corpus[random.Next(corpus.Count)]);
            var mutations = 1 + random.Next(3);
            for (var m = 0; m < mutations; m++)
            {
                Mutate(tokens, random);
            }

            var text = string.Concat(tokens);
            var path = $"case{i}.ode";
            var elapsed = Run(text, path, out var result);
            if (elapsed > Limit)
            {
                // One retry: on a shared two-core machine a garbage collection can land in any case.
                elapsed = Run(text, path, out result);
            }

            slowest = elapsed > slowest ? elapsed : slowest;
            Assert.True(elapsed < Limit, $"case {i} took {elapsed.TotalMilliseconds:F1} ms:\n{text}");

            if (result.HasErrors)
            {
                rejected++;
                Assert.Null(result.System);
            }
            else
            {
                Assert.NotNull(result.System);
            }

            var length = text.Length;
            var lineCount = text.Count(c => c == '\n') + 1;
            foreach (var diagnostic in result.Diagnostics)
            {
                var span = diagnostic.Span;
                Assert.True(
                    span.Path == path && span.Start >= 0 && span.Length >= 0 && span.End <= length
                        && span.Line >= 1 && span.Line <= lineCount && span.Column >= 1 && span.EndLine >= span.Line,
                    $"case {i}: invalid span {span.ToRangeString()} (offset {span.Start}, length {span.Length}) for {diagnostic}\n{text}");
                Assert.False(string.IsNullOrWhiteSpace(diagnostic.Message));
            }
        }

        output.WriteLine($"{Cases} cases, {rejected} rejected, slowest {slowest.TotalMilliseconds:F2} ms");
        Assert.True(rejected > Cases / 4, $"only {rejected} of {Cases} mutations were rejected; the mutations are too mild to test anything");
    }

    private static TimeSpan Run(string text, string path, out OdeDsl.Language.Binding.BindResult result)
    {
        var stopwatch = Stopwatch.StartNew();
        try
        {
            result = Compiler.Bind(text, path);
        }
        catch (Exception exception)
        {
            throw new Xunit.Sdk.XunitException($"{exception.GetType().Name} escaped for:\n{text}\n{exception}");
        }

        return stopwatch.Elapsed;
    }

    private static List<string> Tokenize(string text) => Token.Matches(text).Cast<Match>().Select(m => m.Value).ToList();

    private static void Mutate(List<string> tokens, Random random)
    {
        var position = random.Next(tokens.Count + 1);
        switch (random.Next(4))
        {
            case 0:
                var pool = random.Next(2) == 0 ? Extra : tokens.ToArray();
                tokens.Insert(position, pool.Length == 0 ? "x" : pool[random.Next(pool.Length)]);
                break;
            case 1 when tokens.Count > 0:
                tokens.RemoveAt(Math.Min(position, tokens.Count - 1));
                break;
            case 2 when tokens.Count > 1:
                var other = random.Next(tokens.Count);
                position = Math.Min(position, tokens.Count - 1);
                (tokens[position], tokens[other]) = (tokens[other], tokens[position]);
                break;
            default:
                if (tokens.Count > 0)
                {
                    position = Math.Min(position, tokens.Count - 1);
                    tokens.Insert(position, tokens[position]);
                }

                break;
        }
    }
}
