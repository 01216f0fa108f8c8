using OdeDsl.Language.IR;
using OdeDsl.Language.Tests.Support;

namespace OdeDsl.Language.Tests.Lowering;

/// <summary>
/// The front end's valid corpus (Corpus/Valid, every DSL construct and the classic models) goes
/// through lowering and differentiation without diagnostics, and the IR evaluates to the
/// hand-computed values of each file's <c># check:</c> headers (parameters at their defaults).
/// </summary>
public class FrontEndCorpusTests
{
    public static TheoryData<string> Files => CorpusFiles.Names("Valid");

    [Theory]
    [MemberData(nameof(Files))]
    public void Lowers_and_evaluates_to_the_checked_values(string name)
    {
        var (path, text) = CorpusFiles.Read("Valid", name);
        var result = Compiler.Compile(text, path);
        Assert.False(result.HasErrors, string.Join(Environment.NewLine, result.Diagnostics));
        var system = result.System!.System;

        foreach (var check in CheckPoint.FromHeader(text))
        {
            var point = new IrPoint(
                check.Point.TryGetValue("t", out var time) ? time[0] : 0,
                system.States.Select(state => Value(check.Point, state.Name)).ToArray(),
                system.Parameters.Select(parameter => parameter.DefaultValue).ToArray(),
                system.Inputs.Select(input => check.Point.TryGetValue(input, out var value) ? value[0] : 0).ToArray());
            var derivatives = IrEvaluator.Evaluate(system.Derivatives, point);
            for (var i = 0; i < system.StateCount; i++)
            {
                var expected = Value(check.Expected, system.States[i].Name);
                Assert.True(Math.Abs(derivatives[i] - expected) <= 1e-12 * Math.Max(1, Math.Abs(expected)),
                    $"{name}: {system.States[i].Name}' = {derivatives[i]}, expected {expected}");
            }
        }
    }

    /// <summary>The value of a flattened name (<c>x</c> or <c>z[1]</c>) in a check's assignments.</summary>
    private static double Value(IReadOnlyDictionary<string, double[]> values, string flattenedName)
    {
        var bracket = flattenedName.IndexOf('[');
        return bracket < 0
            ? values[flattenedName][0]
            : values[flattenedName[..bracket]][int.Parse(flattenedName[(bracket + 1)..^1])];
    }
}
