namespace OdeDsl.Runtime.Solvers;

/// <summary>Checks options against each other and the system before any work; returns the first problem.</summary>
internal static class SolveOptionsValidation
{
    /// <param name="machineEpsilon">Of the arithmetic the solve runs in (2.2e-16 for double, 1.2e-7 for float).</param>
    public static string? Validate(SolveOptions options, int stateCount, double machineEpsilon,
        out RungeKuttaMethod method, out double[] saveTimes)
    {
        saveTimes = [];
        if (!Methods.TryGet(options.Method, out method!))
            return Methods.UnknownMethodMessage(options.Method);
        return ValidateCommon(options, stateCount, machineEpsilon, method.Name, method.IsAdaptive, out saveTimes);
    }

    /// <summary>The checks every method family shares, explicit or stiff.</summary>
    public static string? ValidateCommon(SolveOptions options, int stateCount, double machineEpsilon, string methodName,
        bool isAdaptive, out double[] saveTimes)
    {
        saveTimes = [];
        if (!double.IsFinite(options.T0))
            return SolveMessages.NotFinite(nameof(options.T0), options.T0);
        if (!double.IsFinite(options.T1))
            return SolveMessages.NotFinite(nameof(options.T1), options.T1);
        if (CheckTolerance(nameof(options.Rtol), options.Rtol, stateCount) is { } rtolProblem)
            return rtolProblem;
        if (CheckTolerance(nameof(options.Atol), options.Atol, stateCount) is { } atolProblem)
            return atolProblem;
        // Below a few ulps no step can meet the tolerance: the solve would only shrink steps until MaxSteps.
        var smallestRtol = options.Rtol.Values.Min();
        if (smallestRtol < 4 * machineEpsilon)
            return SolveMessages.RtolBelowPrecision(smallestRtol, 4 * machineEpsilon);
        if (options.Dt is { } dt && !(dt > 0 && double.IsFinite(dt)))
            return SolveMessages.NotPositive(nameof(options.Dt), dt);
        if (!isAdaptive && options.Dt is null)
            return SolveMessages.FixedStepNeedsDt(methodName);
        if (options.FirstStep is { } firstStep && !(firstStep > 0 && double.IsFinite(firstStep)))
            return SolveMessages.NotPositive(nameof(options.FirstStep), firstStep);
        if (!(options.MaxStep > 0))
            return SolveMessages.NotPositive(nameof(options.MaxStep), options.MaxStep);
        if (options.MaxSteps <= 0)
            return SolveMessages.NotPositive(nameof(options.MaxSteps), options.MaxSteps);
        return CheckSaveTimes(options, out saveTimes);
    }

    private static string? CheckTolerance(string name, Tolerance tolerance, int stateCount)
    {
        if (!tolerance.IsScalar && tolerance.Values.Count != stateCount)
            return SolveMessages.WrongLength(name, tolerance.Values.Count, stateCount);
        for (var i = 0; i < tolerance.Values.Count; i++)
        {
            var value = tolerance.Values[i];
            if (!(value > 0 && double.IsFinite(value)))
                return tolerance.IsScalar
                    ? SolveMessages.NotPositive(name, value)
                    : SolveMessages.NotPositiveComponent(name, i, value);
        }
        return null;
    }

    private static string? CheckSaveTimes(SolveOptions options, out double[] saveTimes)
    {
        var (t0, t1) = (options.T0, options.T1);
        saveTimes = options.SaveAt is { } requested ? [.. requested] : t0 == t1 ? [t0] : [t0, t1];
        var forward = t1 >= t0;
        for (var i = 0; i < saveTimes.Length; i++)
        {
            var time = saveTimes[i];
            if (!double.IsFinite(time) || time < Math.Min(t0, t1) || time > Math.Max(t0, t1))
                return SolveMessages.SaveTimeOutside(i, time, t0, t1);
            if (i > 0 && (forward ? time <= saveTimes[i - 1] : time >= saveTimes[i - 1]))
                return SolveMessages.SaveTimesNotMonotone(i, saveTimes[i - 1], time, forward);
        }
        return null;
    }
}
