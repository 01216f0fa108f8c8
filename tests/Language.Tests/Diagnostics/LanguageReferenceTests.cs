using System.Text.RegularExpressions;
using OdeDsl.Language.Binding;

namespace OdeDsl.Language.Tests.Diagnostics;

/// <summary>docs/language.md lists the same builtins and `meth` spellings as the code, so the reference cannot drift.</summary>
public sealed class LanguageReferenceTests
{
    private static readonly string Reference = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "docs", "language.md"));

    [Fact]
    public void Every_meth_spelling_is_in_the_method_table_with_its_runtime_method()
    {
        var documented = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (Match row in Regex.Matches(Reference, @"^\| (`[^|]+`) \| (`[^`|]+`|the same) \|", RegexOptions.Multiline))
        {
            foreach (Match spelling in Regex.Matches(row.Groups[1].Value, "`([^`]+)`"))
            {
                var method = row.Groups[2].Value == "the same" ? spelling.Groups[1].Value : row.Groups[2].Value.Trim('`');
                documented[spelling.Groups[1].Value] = method;
            }
        }

        Assert.All(SolverMethods.ByName, entry =>
        {
            Assert.True(documented.TryGetValue(entry.Key, out var method), $"meth={entry.Key} is missing from docs/language.md");
            Assert.Equal(entry.Value, method);
        });
    }

    [Fact]
    public void Every_builtin_function_is_in_the_builtin_table()
    {
        var section = Reference.Substring(Reference.IndexOf("### 3.1 Builtin functions", StringComparison.Ordinal));
        section = section.Substring(0, section.IndexOf("### 3.2", StringComparison.Ordinal));

        Assert.All(BuiltinFunctionInfo.ByName.Keys, name => Assert.Matches($@"`{name}[`(\s]", section));
    }
}
