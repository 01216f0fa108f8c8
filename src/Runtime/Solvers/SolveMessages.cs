using System.Globalization;

namespace OdeDsl.Runtime.Solvers;

/// <summary>Every message a solve can end with, in one place.</summary>
internal static class SolveMessages
{
    private static string Number(double value) => value.ToString("G6", CultureInfo.InvariantCulture);

    /// <summary>Times in full precision: near a singularity the digits that G6 rounds away are the point.</summary>
    private static string Time(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static string Where(IReadOnlyList<string> stateNames, int trajectories, int trajectory, int component)
    {
        var name = component < stateNames.Count ? $"'{stateNames[component]}' (index {component})" : $"index {component}";
        return trajectories > 1 ? $"state {name} of trajectory {trajectory}" : $"state {name}";
    }

    public static string NonFiniteState(double t, IReadOnlyList<string> stateNames, int trajectories,
        int trajectory, int component) =>
        $"non-finite state at t={Time(t)}: {Where(stateNames, trajectories, trajectory, component)} became NaN or infinite; " +
        "the right-hand side left its domain (division by zero, log or sqrt of a negative number, overflow)";

    public static string NonFiniteDerivative(double t, IReadOnlyList<string> stateNames, int trajectories,
        int trajectory, int component) =>
        $"non-finite derivative at t={Time(t)}: d/dt of {Where(stateNames, trajectories, trajectory, component)} is NaN or infinite; " +
        "the right-hand side left its domain (division by zero, log or sqrt of a negative number, overflow)";

    public static string StepSizeUnderflow(double t, double h, int trajectories, int worstTrajectory) =>
        $"step size underflow at t={Time(t)}: the step shrank to dt={Number(Math.Abs(h))}, too small to advance t" +
        (trajectories > 1 ? $" (limited by trajectory {worstTrajectory})" : "") +
        "; the solution may blow up here, or the problem is stiff";

    public static string NewtonFailure(double t, double h) =>
        $"Newton iterations failed to converge at t={Time(t)}, even with a fresh Jacobian and the step cut to dt={Number(Math.Abs(h))}; " +
        "check that the Jacobian matches the right-hand side, or the model may have no solution past this point";

    public static string SingularMatrix(double t, double h) =>
        $"the Newton matrix I − hγJ is singular at t={Time(t)} for every step tried down to dt={Number(Math.Abs(h))}; " +
        "the Jacobian may contain NaN, or the model may have no solution past this point";

    public static string StiffNeedsDouble(string method, string type) =>
        $"method '{method}' solves in double precision on the CPU; pass double states and parameters, not {type}";

    public static string StiffNoTensorBackend(string method) =>
        $"method '{method}' runs on the CPU span backend only; solve with double spans, or pick an explicit method for tensors";

    public static string StiffNoFixedStep(string method) =>
        $"method '{method}' chooses its own steps and orders; remove Dt, or use implicit-euler for fixed steps";

    public static string MaxStepsExceeded(int maxSteps, double t, double t1) =>
        $"maximum number of steps ({maxSteps}) exceeded at t={Time(t)} before reaching t1={Number(t1)}; " +
        "raise MaxSteps or loosen the tolerances";

    public static string NotPositive(string option, double value) =>
        $"{option} must be positive and finite, but is {Number(value)}";

    public static string NotPositiveComponent(string option, int index, double value) =>
        $"{option}[{index}] must be positive and finite, but is {Number(value)}";

    public static string WrongLength(string what, int actual, int expected) =>
        $"{what} has {actual} entries, but the system needs {expected}";

    public static string NotFinite(string option, double value) => $"{option} must be finite, but is {Number(value)}";

    public static string FixedStepNeedsDt(string method) =>
        $"method '{method}' takes fixed steps; set Dt (the step size)";

    public static string SaveTimeOutside(int index, double time, double t0, double t1) =>
        $"SaveAt[{index}]={Number(time)} lies outside the interval [{Number(Math.Min(t0, t1))}, {Number(Math.Max(t0, t1))}]";

    public static string SaveTimesNotMonotone(int index, double previous, double time, bool forward) =>
        $"SaveAt must be strictly {(forward ? "increasing" : "decreasing")} in the direction of integration, " +
        $"but SaveAt[{index - 1}]={Number(previous)} and SaveAt[{index}]={Number(time)}";

    public static string RtolBelowPrecision(double rtol, double smallest) =>
        $"Rtol={Number(rtol)} is finer than the arithmetic resolves (at least {Number(smallest)} is needed); " +
        "loosen it, or solve in double precision";

    public static string NoTrajectories => "there are no trajectories to solve (the batch is empty)";
}
