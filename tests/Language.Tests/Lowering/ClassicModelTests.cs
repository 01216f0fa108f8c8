using System.Globalization;
using OdeDsl.Language.Differentiation;
using OdeDsl.Language.IR;
using Xunit.Abstractions;

namespace OdeDsl.Language.Tests.Lowering;

/// <summary>
/// Classic XPPAUT-style models (Lowering/Models/*.ode) go through the whole pipeline and evaluate
/// to the values in their headers, which were computed independently with python3 and plain math:
/// <c># check: t=0, x=1.5, y=-2 -> x'=-35.0, total=15.0</c> (derivatives, aux and observe outputs at
/// the default parameters) and <c># jacobian: t=0, x=1.5, ... -> J00, J01, ...</c> (row-major ∂f/∂z).
/// Each model's VJP is also checked against central finite differences at the check point.
/// </summary>
public class ClassicModelTests(ITestOutputHelper output)
{
    private static readonly string ModelDirectory = Path.Combine(AppContext.BaseDirectory, "Lowering", "Models");

    public static TheoryData<string> Models => new(Directory.GetFiles(ModelDirectory, "*.ode").Select(Path.GetFileName).OfType<string>().Order());

    [Fact]
    public void The_corpus_has_at_least_ten_models_with_checks()
    {
        var withChecks = Directory.GetFiles(ModelDirectory, "*.ode").Count(file => File.ReadLines(file).Any(line => line.StartsWith("# check:")));
        Assert.True(withChecks >= 10, $"{withChecks} models have '# check:' lines");
    }

    [Theory]
    [MemberData(nameof(Models))]
    public void Compiles_and_evaluates_to_the_hand_computed_values(string file)
    {
        var (system, lines) = Compile(file);
        foreach (var line in lines.Where(line => line.StartsWith("# check:")))
        {
            var (point, expected) = ParseCheck(system, line["# check:".Length..]);
            foreach (var (name, value) in expected)
            {
                var actual = IrEvaluator.Evaluate(Output(system, name), point);
                Assert.True(Math.Abs(actual - value) <= 1e-12 * Math.Max(1, Math.Abs(value)), $"{file}: {name} = {actual}, expected {value} ({line})");
            }
        }
    }

    [Fact]
    public void States_carry_their_equation_line_and_text_for_comments_in_emitted_code()
    {
        var (system, _) = Compile("lotka_volterra.ode");

        Assert.Equal((3, "x' = alpha*x - beta*x*y"), (system.System.States[0].SourceLine, system.System.States[0].SourceText));
        Assert.Equal((4, "y' = delta*x*y - gamma*y"), (system.System.States[1].SourceLine, system.System.States[1].SourceText));
    }

    [Theory]
    [MemberData(nameof(Models))]
    public void Jacobian_matches_the_hand_derived_matrix(string file)
    {
        var (system, lines) = Compile(file);
        foreach (var line in lines.Where(line => line.StartsWith("# jacobian:")))
        {
            var parts = line["# jacobian:".Length..].Split("->");
            var point = ParsePoint(system.System, parts[0]);
            var expected = parts[1].Split(',').Select(value => double.Parse(value, CultureInfo.InvariantCulture)).ToArray();
            var actual = IrEvaluator.Evaluate(system.Jacobian, point);
            for (var k = 0; k < expected.Length; k++)
            {
                Assert.True(Math.Abs(actual[k] - expected[k]) <= 1e-12 * Math.Max(1, Math.Abs(expected[k])), $"{file}: J[{k}] = {actual[k]}, expected {expected[k]}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Models))]
    public void Vjp_matches_finite_differences_and_the_jacobian(string file)
    {
        var (system, lines) = Compile(file);
        var check = lines.FirstOrDefault(line => line.StartsWith("# check:"));
        var n = system.System.StateCount;
        var theta = system.System.Parameters.Select(parameter => parameter.DefaultValue).ToArray();
        var z = check is null
            ? Enumerable.Range(0, n).Select(i => 0.3 + 0.1 * i).ToArray()
            : ParsePoint(system.System, check["# check:".Length..].Split("->")[0]).States.ToArray();
        var time = check is null ? 0 : ParsePoint(system.System, check["# check:".Length..].Split("->")[0]).Time;
        var a = Enumerable.Range(0, n).Select(i => 1.0 / (i + 1)).ToArray();
        var point = new IrPoint(time, z, theta, Cotangents: a);
        var stateCotangent = IrEvaluator.Evaluate(system.DerivativeVjp.State, point);
        var jacobian = IrEvaluator.Evaluate(system.Jacobian, point);

        double G(double[] states, double[] parameters, double t) =>
            IrEvaluator.Evaluate(system.System.Derivatives, new IrPoint(t, states, parameters)).Select((value, i) => a[i] * value).Sum();
        double Central(Func<double, double> g, double at)
        {
            var h = 1e-6 * Math.Max(1, Math.Abs(at));
            return (g(at + h) - g(at - h)) / (2 * h);
        }
        void AssertClose(double expected, double actual, string what) =>
            Assert.True(Math.Abs(actual - expected) <= 1e-5 * Math.Max(1, Math.Abs(expected)), $"{file}: {what}: VJP {actual}, expected {expected}");

        for (var j = 0; j < n; j++)
        {
            AssertClose(Central(x => G(Replace(z, j, x), theta, time), z[j]), stateCotangent[j], $"∂/∂{system.System.States[j].Name}");
            var fromJacobian = Enumerable.Range(0, n).Sum(i => a[i] * jacobian[i * n + j]);
            Assert.True(Math.Abs(fromJacobian - stateCotangent[j]) <= 1e-12 * Math.Max(1, Math.Abs(fromJacobian)), $"{file}: Jᵀa {fromJacobian} vs VJP {stateCotangent[j]}");
        }
        for (var j = 0; j < theta.Length; j++)
        {
            AssertClose(Central(x => G(z, Replace(theta, j, x), time), theta[j]), IrEvaluator.Evaluate(system.DerivativeVjp.Parameters[j], point), $"∂/∂{system.System.Parameters[j].Name}");
        }
        AssertClose(Central(t => G(z, theta, t), time), IrEvaluator.Evaluate(system.DerivativeVjp.Time, point), "∂/∂t");

        output.WriteLine($"{file}: f {OperationCount.Of(system.System.Derivatives)} operations ({OperationCount.PerStep(system.System.Derivatives)} per step), VJP {OperationCount.Of(system.DerivativeVjp.Outputs)}, Jacobian {OperationCount.Of(system.Jacobian)}");
    }

    private static (DifferentiatedSystem System, string[] Lines) Compile(string file)
    {
        var path = Path.Combine(ModelDirectory, file);
        var text = File.ReadAllText(path);
        var result = Compiler.Compile(text, file);
        Assert.False(result.HasErrors, string.Join(Environment.NewLine, result.Diagnostics));
        return (result.System!, text.Split('\n').Select(line => line.TrimEnd('\r')).ToArray());
    }

    private static (IrPoint Point, List<(string Name, double Value)> Expected) ParseCheck(DifferentiatedSystem system, string text)
    {
        var parts = text.Split("->");
        return (ParsePoint(system.System, parts[0]), Assignments(parts[1]).ToList());
    }

    private static IrPoint ParsePoint(IrSystem system, string text)
    {
        var values = Assignments(text).ToDictionary(pair => pair.Name, pair => pair.Value);
        var states = system.States.Select(state => values[state.Name]).ToArray();
        return new IrPoint(values.GetValueOrDefault("t"), states, system.Parameters.Select(parameter => parameter.DefaultValue).ToArray());
    }

    private static IEnumerable<(string Name, double Value)> Assignments(string text) =>
        text.Split(',').Select(part => part.Split('=')).Select(pair => (pair[0].Trim(), double.Parse(pair[1].Trim(), CultureInfo.InvariantCulture)));

    /// <summary><c>x'</c> is a derivative; any other name an aux or observe output.</summary>
    private static IrNode Output(DifferentiatedSystem differentiated, string name)
    {
        var system = differentiated.System;
        if (name.EndsWith('\''))
        {
            return system.Derivatives[system.States.Select(state => state.Name).ToList().IndexOf(name[..^1])];
        }
        return system.Auxiliaries.Where(aux => aux.Name == name).Select(aux => aux.Value)
            .Concat(system.Observations.Where(observation => observation.Name == name).Select(observation => observation.Value))
            .First();
    }

    private static double[] Replace(double[] values, int index, double value)
    {
        var copy = (double[])values.Clone();
        copy[index] = value;
        return copy;
    }
}
