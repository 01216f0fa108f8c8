using OdeDsl.Language.IR;

namespace OdeDsl.Language.Tests.Differentiation;

/// <summary>
/// Table-driven derivative rules (Cases/derivatives.cases, <c>expression ⇶ ∂/∂x</c> written by hand):
/// the expression becomes <c>x' = expression</c> of a two-state model, the expected derivative an
/// aux output of the same model, and the Jacobian entry ∂x'/∂x must equal it.
/// </summary>
public class DerivativeCaseTests
{
    private static readonly string CaseFile = Path.Combine(AppContext.BaseDirectory, "Differentiation", "Cases", "derivatives.cases");

    public static TheoryData<string> Cases => new(File.ReadLines(CaseFile).Where(line => line.Contains('⇶') && !line.StartsWith('#')));

    [Theory]
    [MemberData(nameof(Cases))]
    public void Derivative_matches_the_hand_written_one(string line)
    {
        var parts = line.Split('⇶');
        var text = $"x' = {parts[0].Trim()}\ny' = 0\naux expected = {parts[1].Trim()}\ninit x=0.3, y=0.8\n";
        var result = Compiler.Compile(text, "case.ode");
        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics));
        var system = result.System!;

        foreach (var x in new[] { 0.3, 1.7, -0.6 })
        {
            var point = new IrPoint(0, [x, 0.8], system.System.Parameters.Select(parameter => parameter.DefaultValue).ToArray());
            var expected = IrEvaluator.Evaluate(system.System.Auxiliaries[0].Value, point);
            var actual = IrEvaluator.Evaluate(system.JacobianAt(0, 0), point);
            Assert.True(Math.Abs(actual - expected) <= 1e-13 * Math.Max(1, Math.Abs(expected)), $"{line} at x={x}: got {actual}, expected {expected}");
        }
    }
}
