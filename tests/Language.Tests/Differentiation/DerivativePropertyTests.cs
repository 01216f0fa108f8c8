using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Xunit.Abstractions;
using OdeDsl.Language.Differentiation;
using OdeDsl.Language.IR;

namespace OdeDsl.Language.Tests.Differentiation;

/// <summary>
/// For random expressions and points: the symbolic VJP matches central finite differences of
/// <c>g = aᵀ f</c> wherever f is smooth near the point, and <c>Jᵀa</c> from forward mode equals the VJP.
/// Seeded (Replay) so that CI runs the same cases every time.
/// </summary>
[Properties(Arbitrary = [typeof(RandomModels)], MaxTest = 500, Replay = "(20261201,1)")]
public class DerivativePropertyTests(ITestOutputHelper output)
{
    /// <summary>No kink, jump or branch switch of f lies within this distance (in the kink's own argument).</summary>
    private const double SmoothnessMargin = 0.02;
    private const double Step = 1e-4;

    [Property]
    public Property Vjp_matches_central_finite_differences(RandomModel model)
    {
        var (ir, outputs, vjp) = Differentiate(model);
        var point = Point(model, model.States, model.Parameters, model.Time);
        return Prop.When(IsUsable(outputs, vjp, point) && IsSmoothAt(outputs, point), () =>
        {
            for (var i = 0; i < RandomModel.StateCount; i++)
            {
                AssertClose(vjp.State[i], Derivative(x => model with { States = Replace(model.States, i, x) }, model.States[i]), $"z{i}");
            }
            for (var j = 0; j < RandomModel.ParameterCount; j++)
            {
                AssertClose(vjp.Parameters[j], Derivative(x => model with { Parameters = Replace(model.Parameters, j, x) }, model.Parameters[j]), $"θ{j}");
            }
            AssertClose(vjp.Time, Derivative(x => model with { Time = x }, model.Time), "t");

            void AssertClose(IrNode symbolic, double finiteDifference, string variable)
            {
                var value = Evaluate(symbolic);
                var error = Math.Abs(value - finiteDifference) / Math.Max(1, Math.Abs(finiteDifference));
                Assert.True(error <= 1e-6, $"∂g/∂{variable}: VJP {value}, finite differences {finiteDifference}, relative error {error:E2}");
            }

            double Evaluate(IrNode node) => IrEvaluator.Evaluate(node, point);

            double Derivative(Func<double, RandomModel> moved, double at)
            {
                // Central differences with one Richardson step: error O(h⁴) instead of O(h²).
                double G(double x) => CotangentWeighted(moved(x));
                double Central(double h) => (G(at + h) - G(at - h)) / (2 * h);
                return (4 * Central(Step / 2) - Central(Step)) / 3;
            }

            double CotangentWeighted(RandomModel moved)
            {
                var values = IrEvaluator.Evaluate(outputs, Point(moved, moved.States, moved.Parameters, moved.Time));
                return values.Select((value, k) => model.Cotangent[k] * value).Sum();
            }
        });
    }

    [Property]
    public Property Forward_mode_jacobian_transposed_times_a_equals_the_vjp(RandomModel model)
    {
        var (ir, outputs, vjp) = Differentiate(model);
        var jacobian = ForwardMode.Jacobian(ir, outputs, RandomModel.StateCount);
        var point = Point(model, model.States, model.Parameters, model.Time);
        return Prop.When(IsUsable(outputs, vjp, point), () =>
        {
            var entries = IrEvaluator.Evaluate(jacobian, point);
            var reverse = IrEvaluator.Evaluate(vjp.State, point);
            for (var j = 0; j < RandomModel.StateCount; j++)
            {
                var terms = Enumerable.Range(0, outputs.Count).Select(i => model.Cotangent[i] * entries[i * RandomModel.StateCount + j]).ToList();
                var forward = terms.Sum();
                var scale = Math.Max(1, terms.Sum(Math.Abs));
                Assert.True(Math.Abs(forward - reverse[j]) <= 1e-12 * scale, $"column {j}: Jᵀa = {forward}, VJP = {reverse[j]}");
            }
        });
    }

    [Fact]
    public void Most_random_cases_are_smooth_enough_for_the_finite_difference_check()
    {
        // Guards the property above against passing vacuously by discarding everything.
        var models = RandomModels.Models().Generator.Sample(size: 10, seed: new Rnd(20261201UL), numberOfSamples: 500);
        var checkedCount = models.Count(model =>
        {
            var (_, outputs, vjp) = Differentiate(model);
            var point = Point(model, model.States, model.Parameters, model.Time);
            return IsUsable(outputs, vjp, point) && IsSmoothAt(outputs, point);
        });

        output.WriteLine($"{checkedCount} of 500 random cases are smooth at their point and checked against finite differences");
        Assert.True(checkedCount >= 250, $"only {checkedCount} of 500 random cases are checked against finite differences");
    }

    private static (IrBuilder Ir, IReadOnlyList<IrNode> Outputs, IrVjp Vjp) Differentiate(RandomModel model)
    {
        var ir = new IrBuilder();
        var outputs = model.Outputs.Select(output => output.Build(ir)).ToList();
        return (ir, outputs, ReverseMode.Vjp(ir, outputs, RandomModel.StateCount, RandomModel.ParameterCount));
    }

    private static IrPoint Point(RandomModel model, double[] states, double[] parameters, double time) =>
        new(time, states, parameters, Cotangents: model.Cotangent);

    private static double[] Replace(double[] values, int index, double value)
    {
        var copy = (double[])values.Clone();
        copy[index] = value;
        return copy;
    }

    /// <summary>Finite, moderate values: finite differences of huge values say nothing at 1e-6.</summary>
    private static bool IsUsable(IReadOnlyList<IrNode> outputs, IrVjp vjp, IrPoint point) =>
        IrEvaluator.Evaluate(outputs.Concat(vjp.Outputs).ToList(), point).All(value => !double.IsNaN(value) && Math.Abs(value) < 1e6);

    /// <summary>Whether every non-smooth operation's argument is at least <see cref="SmoothnessMargin"/> from its kink.</summary>
    private static bool IsSmoothAt(IReadOnlyList<IrNode> outputs, IrPoint point)
    {
        var schedule = IrSchedule.Order(outputs);
        var values = schedule.Zip(IrEvaluator.Evaluate(schedule.ToList(), point)).ToDictionary(pair => pair.First, pair => pair.Second);
        foreach (var node in schedule)
        {
            double Operand(int k) => values[node.Operands[k]];
            double? distance = node.Operation switch
            {
                IrOperation.Abs or IrOperation.Relu or IrOperation.Elu or IrOperation.Sign or IrOperation.Heaviside or IrOperation.Not => Math.Abs(Operand(0)),
                IrOperation.Floor or IrOperation.Ceiling => Math.Abs(Operand(0) - Math.Round(Operand(0))),
                IrOperation.Min or IrOperation.Max or IrOperation.Less or IrOperation.LessOrEqual or IrOperation.Greater
                    or IrOperation.GreaterOrEqual or IrOperation.Equal or IrOperation.NotEqual => Math.Abs(Operand(0) - Operand(1)),
                IrOperation.And or IrOperation.Or => Math.Min(Math.Abs(Operand(0)), Math.Abs(Operand(1))),
                IrOperation.Mod => Math.Abs(Operand(1)) * Math.Abs(Operand(0) / Operand(1) - Math.Round(Operand(0) / Operand(1))),
                IrOperation.Conditional => null, // its condition is a comparison, whose own distance counts
                _ => null,
            };
            if (distance < SmoothnessMargin)
            {
                return false;
            }
        }
        return true;
    }
}
