using OdeDsl.Runtime.Data;
using OdeDsl.Runtime.Solvers;
using OdeDsl.Runtime.Systems;

namespace OdeDsl.Runtime.Fitting;

/// <summary>
/// The forward path of a fit: solves the model once per trajectory of a table (with that trajectory's inputs, from the
/// model's initial state at <c>options.T0</c>, saving at the trajectory's data times) and evaluates the
/// <see cref="ObservationLoss"/> with its cotangents with respect to the states at those times.
/// </summary>
public static class FittingObjective
{
    /// <exception cref="SolveException">A solve failed; the message names the time and state.</exception>
    public static LossEvaluation Evaluate<TSystem>(TSystem system, ObservationTable table, ObservationLoss loss,
        ReadOnlySpan<double> parameters, SolveOptions options) where TSystem : IOdeSystem, IOdeOutputs
    {
        var n = system.StateCount;
        var value = 0.0;
        var directGradient = new double[system.ParameterCount];
        var times = new List<IReadOnlyList<double>>();
        var initialStates = new List<double[]>();
        var states = new List<double[]>();
        var cotangents = new List<double[]>();
        var models = InputDrivenSystem.ForTable(system, table, options.T0);
        for (var k = 0; k < table.Trajectories.Count; k++)
        {
            var (trajectory, model) = (table.Trajectories[k], models[k]);
            var initial = new double[n];
            model.GetInitialState(parameters, initial);
            var solution = Integrator.Solve<double>(model, initial, parameters, ForTrajectory(options, trajectory));
            var stateCotangent = new double[solution.States.Length];
            value += SegmentLoss.WholeTrajectory(model, loss, trajectory)
                .Evaluate(trajectory.Times, solution.States, 1, parameters, stateCotangent, directGradient);
            times.Add(trajectory.Times);
            initialStates.Add(initial);
            states.Add(solution.States);
            cotangents.Add(stateCotangent);
        }
        return new LossEvaluation(value, times, initialStates, states, cotangents, directGradient);
    }

    /// <summary>The loss alone: the forward path that finite-difference checks use.</summary>
    public static double Loss<TSystem>(TSystem system, ObservationTable table, ObservationLoss loss,
        ReadOnlySpan<double> parameters, SolveOptions options) where TSystem : IOdeSystem, IOdeOutputs =>
        Evaluate(system, table, loss, parameters, options).Value;

    /// <summary>The solve for one trajectory: from <c>T0</c> to its last data time, saving at its data times.</summary>
    public static SolveOptions ForTrajectory(SolveOptions options, ObservedTrajectory trajectory) => options with
    {
        T1 = Math.Max(options.T0, trajectory.Times[^1]),
        SaveAt = trajectory.Times,
        ThrowOnFailure = true,
    };
}
