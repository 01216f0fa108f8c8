using System.Globalization;
using OdeDsl.Generator.Model;
using OdeDsl.Language.Binding;
using OdeDsl.Runtime.Solvers;
using OdeDsl.Runtime.Solvers.Stiff;

namespace OdeDsl.Cli.Simulation;

/// <summary>
/// What <c>odedsl simulate</c> does, resolved the way XPPAUT reads a file: the command line wins, then
/// the file's <c>@</c> options, then XPPAUT's own defaults (t0 = 0, total = 20, dt = 0.05, nout = 1,
/// meth = rungekutta, tol = atol = 0.001). Fixed-step methods step by <c>dt</c>; every method reports
/// every <c>nout · dt</c> from t0 to t0 + total unless <c>--saveat</c> lists the times.
/// </summary>
internal sealed record SimulationSettings(SolveOptions Options, IReadOnlyList<(string Name, double Value)> Assignments)
{
    public const double DefaultTotal = 20;
    public const double DefaultDt = 0.05;
    public const double DefaultTolerance = 1e-3;
    public const string DefaultMethod = "rungekutta";

    public static (SimulationSettings? Settings, string? Error) Resolve(SystemSpec spec, SimulateArguments arguments)
    {
        var file = spec.Options.GroupBy(o => o.Name, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.Last().Value, StringComparer.OrdinalIgnoreCase);
        double FromFile(string name, double fallback) =>
            file.TryGetValue(name, out var text) && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : fallback;

        var t0 = arguments.T0 ?? FromFile("t0", 0);
        if (arguments.T1 is not null && arguments.Total is not null) return (null, "give either --t1 or --total, not both");
        // With --saveat and no end time, the run ends at the last requested time rather than at t0 + total.
        var t1 = arguments.T1
            ?? (arguments.Total is null && arguments.SaveAt is { Count: > 0 } requested ? requested[requested.Count - 1] : (double?)null)
            ?? t0 + (arguments.Total ?? FromFile("total", DefaultTotal));
        if (!(t1 != t0) || double.IsNaN(t1) || double.IsInfinity(t1)) return (null, $"the end time {Format(t1)} must differ from the start time {Format(t0)}");
        var dt = arguments.Dt ?? FromFile("dt", DefaultDt);
        if (!(dt > 0)) return (null, $"the step dt must be positive, not {Format(dt)}");
        var nout = Math.Max(1, (int)Math.Round(FromFile("nout", 1)));

        var methodName = arguments.Method ?? (file.TryGetValue("meth", out var fileMethod) ? fileMethod : DefaultMethod);
        if (!SolverMethods.ByName.TryGetValue(methodName, out var runtimeName))
        {
            return (null, $"unknown method '{methodName}'; use one of {string.Join(", ", Methods.Names.Concat(StiffMethods.Names))} or an XPPAUT name such as rungekutta, 5dp, 83dp, stiff, cvode");
        }
        bool isFixedStep;
        if (Methods.TryGet(runtimeName, out var explicitMethod))
        {
            isFixedStep = !explicitMethod.IsAdaptive;
        }
        else if (StiffMethods.TryGet(runtimeName, out var stiffMethod))
        {
            isFixedStep = !stiffMethod.IsAdaptive;
        }
        else
        {
            return (null, $"method '{methodName}' maps to '{runtimeName}', which this runtime does not provide yet; use one of {string.Join(", ", Methods.Names.Concat(StiffMethods.Names))}");
        }

        IReadOnlyList<double> saveAt;
        if (arguments.SaveAt is not null)
        {
            if (arguments.Dt is not null && !isFixedStep) return (null, "give either --dt or --saveat for an adaptive method, not both");
            saveAt = arguments.SaveAt;
        }
        else
        {
            saveAt = EvenlySpaced(t0, t1, dt * nout);
        }

        var options = new SolveOptions
        {
            Method = runtimeName,
            T0 = t0,
            T1 = t1,
            SaveAt = saveAt,
            Dt = isFixedStep ? dt : null,
            Rtol = arguments.Rtol ?? FromFile("tol", DefaultTolerance),
            Atol = arguments.Atol ?? FromFile("atol", DefaultTolerance),
            MaxSteps = 10_000_000,
        };
        return (new SimulationSettings(options, arguments.Assignments), null);
    }

    /// <summary>t0, t0 + h, … up to t1 (t1 itself included when the last step lands on it up to rounding).</summary>
    private static IReadOnlyList<double> EvenlySpaced(double t0, double t1, double interval)
    {
        var direction = Math.Sign(t1 - t0);
        var count = (int)Math.Floor(Math.Abs(t1 - t0) / interval + 1e-9);
        var times = Enumerable.Range(0, count + 1).Select(k => t0 + direction * k * interval).ToList();
        if (Math.Abs(times[^1] - t1) <= 1e-9 * Math.Max(1, Math.Abs(t1))) times[^1] = t1;
        return times;
    }

    private static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
