using System.Globalization;
using System.Text;
using OdeDsl.Runtime.Data;
using OdeDsl.Runtime.Solvers;
using OdeDsl.Runtime.Systems;

namespace OdeDsl.Runtime.Tests.Fitting;

/// <summary>
/// Observation tables made from a model's own outputs at known parameters (solved with DOP853 at rtol 1e-12),
/// optionally with multiplicative noise <c>y·(1 + σ ε)</c>, or with the noise each observation's distribution
/// declares (<c>y + σ_j ε</c> for <c>~ normal</c>, <c>y·exp(σ_j ε)</c> for <c>~ lognormal</c>), ε standard normal
/// from a seeded generator.
/// </summary>
internal static class SyntheticData
{
    public static ObservationTable Table<TSystem>(TSystem system, double[] parameters, double[] times, double noise = 0, int seed = 1)
        where TSystem : IOdeSystem, IOdeOutputs =>
        Table(system, parameters, times, seed, (value, _, random) => value * (1 + noise * Normal(random)));

    /// <summary>Data with noise scale <paramref name="noiseScales"/>[j] on observed column j, on the scale its distribution names.</summary>
    public static ObservationTable TableWithNoiseScales<TSystem>(TSystem system, double[] parameters, double[] times,
        double[] noiseScales, int seed = 1) where TSystem : IOdeSystem, IOdeOutputs =>
        Table(system, parameters, times, seed, (value, column, random) =>
        {
            var output = Enumerable.Range(0, system.OutputNames.Count).Where(i => system.OutputKinds[i] != OdeOutputKind.Aux).ElementAt(column);
            return system.OutputKinds[output] == OdeOutputKind.LogNormalObservation
                ? value * Math.Exp(noiseScales[column] * Normal(random))
                : value + noiseScales[column] * Normal(random);
        });

    private static ObservationTable Table<TSystem>(TSystem system, double[] parameters, double[] times, int seed,
        Func<double, int, Random, double> noisy) where TSystem : IOdeSystem, IOdeOutputs
    {
        var initial = new double[system.StateCount];
        system.GetInitialState(parameters, initial);
        var solution = Integrator.Solve<double>(system, initial, parameters, new SolveOptions
        {
            Method = "dop853", T0 = 0, T1 = times[^1], SaveAt = times, Rtol = 1e-12, Atol = 1e-12, ThrowOnFailure = true,
        });
        var observed = Enumerable.Range(0, system.OutputNames.Count).Where(i => system.OutputKinds[i] != OdeOutputKind.Aux).ToList();
        var random = new Random(seed);
        var text = new StringBuilder("t," + string.Join(",", observed.Select(i => system.OutputNames[i])) + "\n");
        var outputs = new double[system.OutputNames.Count];
        for (var k = 0; k < times.Length; k++)
        {
            system.Outputs(times[k], solution.State(k), parameters, outputs);
            var row = observed.Select((i, column) => noisy(outputs[i], column, random)).ToList();
            text.Append(string.Join(",", new[] { times[k] }.Concat(row).Select(v => v.ToString("R", CultureInfo.InvariantCulture)))).Append('\n');
        }
        return ObservationCsv.Read(new StringReader(text.ToString()), "synthetic.csv",
            new ObservationTableOptions { Observed = [.. observed.Select(i => system.OutputNames[i])] });
    }

    public static double[] Times(double t1, int count) => [.. Enumerable.Range(1, count).Select(i => t1 * i / count)];

    public static double[] Parameters(IOdeSystem system, params (string Name, double Value)[] values)
    {
        var parameters = new double[system.ParameterCount];
        system.GetDefaultParameters(parameters);
        foreach (var (name, value) in values) parameters[system.ParameterNames.ToList().IndexOf(name)] = value;
        return parameters;
    }

    // Box–Muller: two uniforms to one standard normal.
    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
