using OdeDsl.Runtime.Data;
using OdeDsl.Runtime.Gradients;
using OdeDsl.Runtime.Systems;

namespace OdeDsl.Runtime.Fitting;

/// <summary>The fitting loss over a whole table and its gradient with respect to θ.</summary>
public sealed record DatasetGradientResult(double Loss, double[] Parameters, GradientStats Stats, string? Failure)
{
    public bool Succeeded => Failure is null;
}

/// <summary>
/// <c>L</c> and <c>dL/dθ</c> for an <see cref="ObservationTable"/>: one gradient computation (adjoint, checkpointed
/// or discrete, as <see cref="GradientOptions.Method"/> says) per trajectory, summed. <c>dL/dz(t0)</c> reaches θ
/// through the initial state <c>z0(θ)</c> (learnable initial values, initial values that depend on parameters):
/// its Jacobian is the fitter's <see cref="InitialStateJacobian"/>. Each trajectory is solved with its own inputs
/// (<see cref="InputDrivenSystem"/>), so its initial state and that Jacobian are its own.
/// </summary>
public static class DatasetGradient
{
    public static DatasetGradientResult Compute<TSystem>(TSystem system, ObservationTable table, ObservationLoss loss,
        IReadOnlyList<double> parameters, GradientOptions options) where TSystem : IOdeSystem, IOdeOutputs
    {
        var n = system.StateCount;
        var theta = parameters.ToArray();
        var total = 0.0;
        var gradient = new double[theta.Length];
        var models = InputDrivenSystem.ForTable(system, table, options.Solve.T0);
        GradientStats stats = default;
        InitialStateJacobian? shared = null;
        for (var j = 0; j < table.Trajectories.Count; j++)
        {
            var (trajectory, model) = (table.Trajectories[j], models[j]);
            var initial = new double[n];
            model.GetInitialState(theta, initial);
            var trajectoryOptions = options with { Solve = FittingObjective.ForTrajectory(options.Solve, trajectory) with { ThrowOnFailure = false } };
            var result = Gradient.Compute(model, initial, theta, trajectoryOptions,
                SegmentLoss.WholeTrajectory(model, loss, trajectory));
            if (!result.Succeeded)
            {
                var which = trajectory.Id.Length == 0 ? "" : $" (trajectory '{trajectory.Id}')";
                return new DatasetGradientResult(double.NaN, gradient, stats, result.Message + which);
            }
            total += result.Loss;
            for (var k = 0; k < theta.Length; k++) gradient[k] += result.Parameters[k];
            // Without inputs every trajectory starts from the same z0(θ), so one Jacobian serves them all.
            var jacobian = system.InputNames.Count == 0
                ? shared ??= new InitialStateJacobian(model, Enumerable.Range(0, theta.Length), theta)
                : new InitialStateJacobian(model, Enumerable.Range(0, theta.Length), theta);
            jacobian.AddTransposeProduct(theta, result.InitialStates, gradient);
            stats = Add(stats, result.Stats);
        }
        return new DatasetGradientResult(total, gradient, stats, null);
    }

    private static GradientStats Add(GradientStats a, GradientStats b) => a with
    {
        ForwardEvaluations = a.ForwardEvaluations + b.ForwardEvaluations,
        BackwardEvaluations = a.BackwardEvaluations + b.BackwardEvaluations,
        ForwardSteps = a.ForwardSteps + b.ForwardSteps,
        BackwardSteps = a.BackwardSteps + b.BackwardSteps,
        PeakCheckpointBytes = Math.Max(a.PeakCheckpointBytes, b.PeakCheckpointBytes),
    };
}
