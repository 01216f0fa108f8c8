using OdeDsl.Runtime.Data;
using OdeDsl.Runtime.Solvers;
using OdeDsl.Runtime.Systems;

namespace OdeDsl.Runtime.Fitting;

/// <summary>
/// Solves the model once per trajectory of a table (from the model's initial state at <c>options.T0</c>,
/// saving at the trajectory's data times) and evaluates the <see cref="ObservationLoss"/> with its
/// cotangents with respect to the states at those times, through the generated observation VJP.
/// </summary>
public static class FittingObjective
{
    /// <exception cref="SolveException">A solve failed; the message names the time and state.</exception>
    public static LossEvaluation Evaluate<TSystem>(TSystem system, ObservationTable table, ObservationLoss loss,
        ReadOnlySpan<double> parameters, SolveOptions options) where TSystem : IOdeSystem, IOdeOutputs
    {
        var n = system.StateCount;
        var p = system.ParameterCount;
        var m = loss.OutputCount;
        var value = 0.0;
        var directGradient = new double[p];
        var times = new List<IReadOnlyList<double>>();
        var initialStates = new List<double[]>();
        var states = new List<double[]>();
        var cotangents = new List<double[]>();
        var initial = new double[n];
        system.GetInitialState(parameters, initial);
        var outputs = new double[m];
        var parameterCotangent = new double[p];
        var timeCotangent = new double[1];
        foreach (var trajectory in table.Trajectories)
        {
            var count = trajectory.Times.Count;
            var solution = Integrator.Solve<double>(system, initial, parameters, options with
            {
                T1 = Math.Max(options.T0, trajectory.Times[^1]),
                SaveAt = trajectory.Times,
                ThrowOnFailure = true,
            });
            var saved = solution.States;
            var allOutputs = new double[count * m];
            for (var i = 0; i < count; i++)
            {
                system.Outputs(trajectory.Times[i], saved.AsSpan(i * n, n), parameters, allOutputs.AsSpan(i * m, m));
            }
            var outputCotangent = new double[count * m];
            value += loss.Accumulate(trajectory, allOutputs, outputCotangent);
            var stateCotangent = new double[count * n];
            for (var i = 0; i < count; i++)
            {
                system.OutputVjp(trajectory.Times[i], saved.AsSpan(i * n, n), parameters, outputCotangent.AsSpan(i * m, m),
                    stateCotangent.AsSpan(i * n, n), parameterCotangent, timeCotangent);
                for (var k = 0; k < p; k++) directGradient[k] += parameterCotangent[k];
            }
            times.Add(trajectory.Times);
            initialStates.Add((double[])initial.Clone());
            states.Add(saved);
            cotangents.Add(stateCotangent);
        }
        return new LossEvaluation(value, times, initialStates, states, cotangents, directGradient);
    }

    /// <summary>The loss alone: the forward path finite-difference checks use.</summary>
    public static double Loss<TSystem>(TSystem system, ObservationTable table, ObservationLoss loss,
        ReadOnlySpan<double> parameters, SolveOptions options) where TSystem : IOdeSystem, IOdeOutputs =>
        Evaluate(system, table, loss, parameters, options).Value;
}
