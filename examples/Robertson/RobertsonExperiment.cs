using System.Globalization;
using System.Text;
using OdeDsl.Runtime.Data;
using OdeDsl.Runtime.Fitting;
using OdeDsl.Runtime.Gradients;
using OdeDsl.Runtime.Solvers;
using OdeDsl.Runtime.Systems;

namespace OdeDsl.Examples;

/// <summary>
/// The Robertson fit, shared by the example and its test (tests/Runtime.Tests links this file): synthetic
/// concentrations of all three species at 41 log-spaced times from 1e-5 to 1e5 with 5 % lognormal noise, the fit's
/// options, and the standard errors that say how close to the truth a fit to such data can be.
/// </summary>
public static class RobertsonExperiment
{
    /// <summary>Robertson's rate constants (Hairer &amp; Wanner II, IV.1).</summary>
    public static readonly (string Name, double Value)[] Truth = [("k1", 0.04), ("k2", 3e7), ("k3", 1e4)];

    /// <summary>The standard deviation of the log of each measurement: y_data = y·exp(0.05 ε).</summary>
    public const double Noise = 0.05;

    public const int Seed = 11;

    /// <summary>Four times per decade from 1e-5 to 1e5: the fast transient (t ≈ 1e-4) and the slow decay of y1.</summary>
    public static double[] Times { get; } = [.. Enumerable.Range(0, 41).Select(i => Math.Pow(10, -5 + i / 4.0))];

    /// <summary>The solver the model file names with <c>@ meth=…, tol=…, atol=…</c>.</summary>
    public static SolveOptions SolveFrom(IReadOnlyList<KeyValuePair<string, string>> fileOptions)
    {
        string Option(string name) => fileOptions.Last(option => option.Key == name).Value;
        double Number(string name) => double.Parse(Option(name), CultureInfo.InvariantCulture);
        return new SolveOptions { Method = Option("meth"), Rtol = Number("tol"), Atol = Number("atol"), MaxSteps = 100_000 };
    }

    /// <summary>θ with the given named values, the model's defaults elsewhere.</summary>
    public static double[] Parameters(IOdeSystem system, IEnumerable<(string Name, double Value)> values)
    {
        var parameters = new double[system.ParameterCount];
        system.GetDefaultParameters(parameters);
        foreach (var (name, value) in values)
            parameters[IndexOf(system, name)] = value;
        return parameters;
    }

    public static int IndexOf(IOdeSystem system, string parameter) => system.ParameterNames.ToList().IndexOf(parameter);

    /// <summary>The noisy table: the true solution (rodas4 at rtol 1e-12) times <c>exp(0.05 ε)</c>, ε standard normal.</summary>
    public static ObservationTable Observations<TSystem>(TSystem system) where TSystem : IOdeSystem, IOdeOutputs
    {
        var truth = Solve(system, Parameters(system, Truth), Times);
        var random = new Random(Seed);
        var text = new StringBuilder("t,a,b,c\n");
        for (var k = 0; k < Times.Length; k++)
        {
            var row = truth.State(k).ToArray().Select(value => value * Math.Exp(Noise * Normal(random)));
            text.Append(string.Join(",", new[] { Times[k] }.Concat(row).Select(v => v.ToString("R", CultureInfo.InvariantCulture)))).Append('\n');
        }
        return ObservationCsv.Read(new StringReader(text.ToString()), "robertson-synthetic.csv",
            new ObservationTableOptions { Observed = ["a", "b", "c"] });
    }

    /// <summary>
    /// All three rate constants, positive (log space), from the model's start values, by L-BFGS with the checkpointed
    /// adjoint. L-BFGS stops by itself once no step lowers the loss (after 15 iterations).
    /// </summary>
    public static FitOptions FitOptions(SolveOptions solve) => new()
    {
        Solve = solve,
        Gradient = GradientMethod.Checkpoint,
        Trainable = [.. Truth.Select(rate => new TrainableParameter(rate.Name, FitConstraint.Positive))],
        Optimizer = FitOptimizer.Lbfgs,
        LearningRate = 0.1,
        Iterations = 100,
    };

    /// <summary>
    /// Standard errors of the fitted <c>log k</c>: <c>σ² (SᵀS)⁻¹</c> (Gauss–Newton), with S = ∂ log y(t_i)/∂ log k by
    /// central differences of plain rodas4 solves at rtol 1e-11, so it shares nothing with the gradient code.
    /// </summary>
    public static double[] StandardErrors(IOdeSystem system, double[] parameters)
    {
        const double step = 1e-4;
        var indices = Truth.Select(rate => IndexOf(system, rate.Name)).ToArray();
        var p = indices.Length;
        var columns = new double[p][];
        for (var j = 0; j < p; j++)
        {
            double[] LogStates(double factor)
            {
                var shifted = (double[])parameters.Clone();
                shifted[indices[j]] *= factor;
                var solution = Solve(system, shifted, Times);
                return [.. Enumerable.Range(0, Times.Length).SelectMany(k => solution.State(k).ToArray()).Select(value => Math.Log(value))];
            }
            var (plus, minus) = (LogStates(Math.Exp(step)), LogStates(Math.Exp(-step)));
            columns[j] = [.. plus.Zip(minus, (a, b) => (a - b) / (2 * step))];
        }
        var information = new double[p, p];
        for (var i = 0; i < p; i++)
            for (var j = 0; j < p; j++)
                information[i, j] = columns[i].Zip(columns[j], (a, b) => a * b).Sum() / (Noise * Noise);
        var covariance = Inverse(information);
        return [.. Enumerable.Range(0, p).Select(j => Math.Sqrt(covariance[j, j]))];
    }

    private static Solution<double> Solve(IOdeSystem system, double[] parameters, double[] times)
    {
        var initial = new double[system.StateCount];
        system.GetInitialState(parameters, initial);
        return Integrator.Solve<double>(system, initial, parameters, new SolveOptions
        {
            Method = "rodas4", T1 = times[^1], SaveAt = times, Rtol = 1e-11, Atol = 1e-24, MaxSteps = 100_000,
            ThrowOnFailure = true,
        });
    }

    /// <summary>Gauss–Jordan inversion of a small symmetric positive definite matrix (no pivoting needed).</summary>
    private static double[,] Inverse(double[,] matrix)
    {
        var n = matrix.GetLength(0);
        var work = (double[,])matrix.Clone();
        var inverse = new double[n, n];
        for (var i = 0; i < n; i++)
            inverse[i, i] = 1;
        for (var k = 0; k < n; k++)
        {
            var pivot = work[k, k];
            for (var j = 0; j < n; j++)
            {
                work[k, j] /= pivot;
                inverse[k, j] /= pivot;
            }
            for (var i = 0; i < n; i++)
            {
                if (i == k)
                    continue;
                var factor = work[i, k];
                for (var j = 0; j < n; j++)
                {
                    work[i, j] -= factor * work[k, j];
                    inverse[i, j] -= factor * inverse[k, j];
                }
            }
        }
        return inverse;
    }

    // Box–Muller: two uniforms to one standard normal.
    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
