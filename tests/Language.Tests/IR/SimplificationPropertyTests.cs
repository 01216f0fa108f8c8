using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using OdeDsl.Language.IR;
using OdeDsl.Language.Tests.Differentiation;

namespace OdeDsl.Language.Tests.IR;

/// <summary>
/// Folding, simplification and hash-consing change the shape of an expression, never its value:
/// for random expressions and points, the IR evaluates to what System.Math computes directly.
/// </summary>
[Properties(Arbitrary = [typeof(RandomModels)], MaxTest = 500, Replay = "(20261202,1)")]
public class SimplificationPropertyTests
{
    [Property]
    public Property Simplified_ir_evaluates_like_the_expression_computed_directly(RandomModel model)
    {
        var ir = new IrBuilder();
        var outputs = model.Outputs.Select(output => output.Build(ir)).ToList();
        var direct = model.Outputs.Select(output => output.Evaluate(model.Time, model.States, model.Parameters)).ToArray();
        // sin(cosh(300)) depends on the last bits of a 1e130 argument: only well-conditioned points say anything.
        var schedule = IrSchedule.Order(outputs).ToList();
        var moderate = IrEvaluator.Evaluate(schedule, new IrPoint(model.Time, model.States, model.Parameters))
            .All(value => !double.IsNaN(value) && Math.Abs(value) < 1e4);
        return Prop.When(moderate, () =>
        {
            var simplified = IrEvaluator.Evaluate(outputs, new IrPoint(model.Time, model.States, model.Parameters));
            for (var k = 0; k < direct.Length; k++)
            {
                // Rewrites such as x·x → x² or c₁·(c₂·x) → (c₁c₂)·x round differently; steps (heav, flr,
                // comparisons) of a value within rounding of the jump may then flip, so only a near tie is excused.
                var error = Math.Abs(simplified[k] - direct[k]) / Math.Max(1, Math.Abs(direct[k]));
                Assert.True(error <= 1e-9, $"output {k}: IR {simplified[k]}, direct {direct[k]}");
            }
        });
    }
}
