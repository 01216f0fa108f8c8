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

    /// <summary>Central differences of <see cref="Loss"/>: initial states, then the chosen parameters, then t0, t1.</summary>
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

    private static double Central(double x, double relativeStep, Func<double, double> loss)
    {
        var step = relativeStep * Math.Max(1, Math.Abs(x));
        return (loss(x + step) - loss(x - step)) / (2 * step);
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
