using OdeDsl.Runtime.Gradients;
using OdeDsl.Runtime.Solvers;
using OdeDsl.Runtime.Systems;

namespace OdeDsl.Runtime.Tests.Gradients;

/// <summary>
/// A gradient test problem: a generated system, a batch of initial states, parameters, observation times and
/// targets, with the loss <c>L = ½ Σ (z(t_i) − target)²</c>. <see cref="Loss"/> evaluates it from a plain forward
/// solve, never from gradient code, so finite differences of it are an independent reference.
/// </summary>
internal sealed class GradientCase
{
    public GradientCase(IOdeSystem system, double[] initialStates, double[] parameters, double t0, double t1,
        double[] saveAt, Func<int, double> target)
    {
        System = system;
        InitialStates = initialStates;
        Parameters = parameters;
        T0 = t0;
        T1 = t1;
        SaveAt = saveAt;
        Targets = [.. Enumerable.Range(0, saveAt.Length * initialStates.Length).Select(target)];
    }

    public IOdeSystem System { get; }

    public double[] InitialStates { get; }

    public double[] Parameters { get; }

    public double T0 { get; }

    public double T1 { get; }

    public double[] SaveAt { get; }

    public double[] Targets { get; }

    /// <summary>The reference for continuous gradients: DOP853 at rtol = atol = 1e-12.</summary>
    public static readonly SolveOptions Reference = new() { Method = "dop853", Rtol = 1e-12, Atol = 1e-12 };

    /// <summary>
    /// A continuous adjoint at rtol = atol = 1e-10 against fourth-order central differences (relative step 1e-4) of
    /// reference solves; asserts relative error ≤ 1e-6 overall and for dL/dt0, dL/dt1.
    /// </summary>
    public string CheckContinuous(GradientMethod method, IReadOnlyList<int> parameterIndices, string solver = "dopri5")
    {
        var result = Gradient(Options(method, solver, 1e-10));
        Assert.True(result.Succeeded, result.Message);
        var expected = FiniteDifferences(Reference, parameterIndices, 1e-4);
        return $"{method}: {AssertMatches(Components(result, parameterIndices), expected, 1e-6)}; {result.Stats}";
    }

    /// <summary>
    /// The discrete adjoint against central differences of the same solver with the same fixed step: ≤
    /// <paramref name="bound"/>. With fixed steps the tolerance only matters to implicit methods, whose Newton
    /// iterations stop at a fraction of it: a tight one makes the solver's output smooth enough to difference.
    /// </summary>
    public string CheckDiscrete(string solver, double dt, IReadOnlyList<int> parameterIndices, double tolerance = 1e-6,
        double bound = 1e-8)
    {
        var options = Options(GradientMethod.Discrete, solver, tolerance, dt);
        var result = Gradient(options);
        Assert.True(result.Succeeded, result.Message);
        var expected = FiniteDifferences(options.Solve, parameterIndices, 1e-4);
        return $"{solver}: {AssertMatches(Components(result, parameterIndices), expected, bound)}; {result.Stats}";
    }

    /// <summary>A case with the system's own defaults for one trajectory.</summary>
    public static GradientCase FromDefaults(IOdeSystem system, double t1, int saves, Func<int, double> target)
    {
        var parameters = new double[system.ParameterCount];
        system.GetDefaultParameters(parameters);
        var state = new double[system.StateCount];
        system.GetInitialState(parameters, state);
        var saveAt = Enumerable.Range(1, saves).Select(k => t1 * k / saves).ToArray();
        return new GradientCase(system, state, parameters, 0, t1, saveAt, target);
    }

    public GradientOptions Options(GradientMethod method, string solver, double tolerance, double? dt = null) => new()
    {
        Method = method,
        Solve = new SolveOptions { Method = solver, T0 = T0, T1 = T1, SaveAt = SaveAt, Rtol = tolerance, Atol = tolerance, Dt = dt },
    };

    public GradientResult Gradient(GradientOptions options) =>
        OdeDsl.Runtime.Gradients.Gradient.Compute(System, InitialStates, Parameters, options, new SquaredErrorLoss(Targets));

    /// <summary>The loss from a forward solve; an observation at <c>t0</c> or <c>t1</c> moves with that end.</summary>
    public double Loss(double[] initialStates, double[] parameters, double t0, double t1, SolveOptions solver)
    {
        var saveAt = (double[])SaveAt.Clone();
        if (saveAt[0] == T0)
            saveAt[0] = t0;
        if (saveAt[^1] == T1)
            saveAt[^1] = t1;
        var solution = Integrator.Solve<double>(System, initialStates, parameters,
            solver with { T0 = t0, T1 = t1, SaveAt = saveAt });
        Assert.True(solution.Succeeded, solution.Message);
        var loss = 0.0;
        for (var i = 0; i < Targets.Length; i++)
            loss += 0.5 * (solution.States[i] - Targets[i]) * (solution.States[i] - Targets[i]);
        return loss;
    }

    /// <summary>Central differences (step relative to each value) of <see cref="Loss"/>: initial states, then the chosen parameters, then t0, t1.</summary>
    public double[] FiniteDifferences(SolveOptions solver, IReadOnlyList<int> parameterIndices, double relativeStep)
    {
        var result = new List<double>();
        for (var i = 0; i < InitialStates.Length; i++)
            result.Add(Central(InitialStates[i], relativeStep, value =>
            {
                var states = (double[])InitialStates.Clone();
                states[i] = value;
                return Loss(states, Parameters, T0, T1, solver);
            }));
        foreach (var j in parameterIndices)
            result.Add(Central(Parameters[j], relativeStep, value =>
            {
                var parameters = (double[])Parameters.Clone();
                parameters[j] = value;
                return Loss(InitialStates, parameters, T0, T1, solver);
            }));
        result.Add(Central(T0, relativeStep, value => Loss(InitialStates, Parameters, value, T1, solver)));
        result.Add(Central(T1, relativeStep, value => Loss(InitialStates, Parameters, T0, value, solver)));
        return [.. result];
    }

    /// <summary>The same components from a gradient result.</summary>
    public static double[] Components(GradientResult result, IReadOnlyList<int> parameterIndices) =>
        [.. result.InitialStates, .. parameterIndices.Select(j => result.Parameters[j]), result.T0, result.T1];

    /// <summary>The fourth-order central stencil, so truncation stays far below the solver's own noise.</summary>
    private static double Central(double x, double relativeStep, Func<double, double> loss)
    {
        var step = relativeStep * (x == 0 ? 1 : Math.Abs(x));
        return (-loss(x + 2 * step) + 8 * loss(x + step) - 8 * loss(x - step) + loss(x - 2 * step)) / (12 * step);
    }

    /// <summary>
    /// Asserts <c>‖a − b‖ / ‖b‖ ≤ tolerance</c> over all components and, separately, for <c>dL/dt0</c> and <c>dL/dt1</c>
    /// (the last two), which are small beside the rest; returns the three errors for the test's output.
    /// </summary>
    public static string AssertMatches(double[] actual, double[] expected, double tolerance)
    {
        var all = RelativeError(actual, expected);
        var t0 = RelativeError(actual[^2..^1], expected[^2..^1]);
        var t1 = RelativeError(actual[^1..], expected[^1..]);
        var report = $"relative error {all:E2} (dL/dt0 {t0:E2}, dL/dt1 {t1:E2})";
        Assert.True(all <= tolerance && t0 <= tolerance && t1 <= tolerance, report);
        return report;
    }

    /// <summary><c>‖a − b‖ / ‖b‖</c>.</summary>
    public static double RelativeError(double[] actual, double[] expected)
    {
        double difference = 0, norm = 0;
        for (var i = 0; i < expected.Length; i++)
        {
            difference += (actual[i] - expected[i]) * (actual[i] - expected[i]);
            norm += expected[i] * expected[i];
        }
        return Math.Sqrt(difference / norm);
    }
}
