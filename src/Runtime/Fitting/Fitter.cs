using OdeDsl.Runtime.Data;
using OdeDsl.Runtime.Fitting.Optimizers;
using OdeDsl.Runtime.Solvers;
using OdeDsl.Runtime.Systems;

namespace OdeDsl.Runtime.Fitting;

/// <summary>
/// Fits a model's trainable parameters to an observation table (docs/fitting.md): Adam or L-BFGS on the
/// reparametrised values, gradients by the chosen <see cref="Gradients.GradientMethod"/>, over whole trajectories,
/// random time windows or multiple-shooting segments; optional column weights or noise scales estimated jointly
/// (docs/fit.md); optional atomic checkpoints and resume. Deterministic:
/// the same inputs and seed give the same result bit for bit, resumed or not.
/// </summary>
public static class Fitter
{
    /// <exception cref="ArgumentException">Invalid options (unknown or infeasible parameters, bad sizes, a foreign checkpoint).</exception>
    /// <exception cref="DataError">The table does not fit the model (unknown observation, non-positive lognormal data).</exception>
    public static FitResult Fit<TSystem>(TSystem system, ObservationTable data, FitOptions options)
        where TSystem : IOdeSystem, IOdeOutputs
    {
        Validate(options);
        var loss = new ObservationLoss(system, data, options.Weights);
        var start = new double[system.ParameterCount];
        if (options.StartParameters is { } given)
        {
            if (given.Count != start.Length)
                throw new ArgumentException($"the start parameters have {given.Count} values, but the model has {start.Length}");
            given.ToArray().CopyTo(start, 0);
        }
        else
        {
            system.GetDefaultParameters(start);
        }
        if (options.Trainable.FirstOrDefault(t => system.InputNames.Contains(t.Name)) is { } input)
            throw new ArgumentException($"'{input.Name}' is an input of the model: the data supply its value for each trajectory, so it cannot be trained");
        var vector = new TrainableVector(system.ParameterNames, start, options.Trainable);
        var objective = new FitObjective<TSystem>(system, data, loss, options, vector, start);
        var fit = Describe(system, vector, objective, options);

        double[] u;
        try
        {
            u = objective.Start();
        }
        catch (SolveException exception)
        {
            return new FitResult(system.ParameterNames, start, vector.Names, double.NaN, [], false,
                "the starting model cannot be solved over the data: " + exception.Message);
        }
        var state = new OptimizerState();
        var history = new List<FitIteration>();
        var first = 0;
        if (options.Resume && options.CheckpointPath is { } resumePath && File.Exists(resumePath))
        {
            var checkpoint = FitCheckpoint.Read(resumePath, fit);
            (u, state, history, first) = (checkpoint.Position, checkpoint.Optimizer, checkpoint.History, checkpoint.Iteration);
        }
        var adam = new AdamOptimizer(options.LearningRate, state);
        var lbfgs = new LbfgsOptimizer(options.LearningRate, state);

        var message = "";
        var failed = false;
        for (var iteration = first; iteration < options.Iterations; iteration++)
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var (forward, backward) = (objective.ForwardEvaluations, objective.BackwardEvaluations);
            string? failure = null;
            var current = iteration;
            (double Loss, double[] Gradient)? Evaluate(double[] at)
            {
                try
                {
                    return objective.Evaluate(at, current, out failure);
                }
                catch (SolveException exception)
                {
                    failure = exception.Message;
                    return null;
                }
            }
            if (Evaluate(u) is not var (value, gradient) || !double.IsFinite(value) || gradient.Any(g => !double.IsFinite(g)))
            {
                message = $"iteration {iteration + 1}: " + (failure ?? "the loss or its gradient is not finite (try a smaller --lr or tighter tolerances)");
                failed = true;
                break;
            }
            var moved = true;
            if (options.Optimizer == FitOptimizer.Adam) adam.Step(u, gradient);
            else moved = lbfgs.Step(u, value, gradient, Evaluate);
            var record = new FitIteration(iteration + 1, options.Iterations, value,
                objective.ForwardEvaluations - forward, objective.BackwardEvaluations - backward, clock.Elapsed);
            history.Add(record);
            options.Progress?.Invoke(record);
            if (options.CheckpointPath is { } path && ((iteration + 1) % options.CheckpointEvery == 0 || iteration + 1 == options.Iterations || !moved))
                new FitCheckpoint { Fit = fit, Iteration = iteration + 1, Position = u, Optimizer = state, History = history }.Write(path);
            if (!moved)
            {
                message = $"converged after {iteration + 1} iterations: no step along the L-BFGS direction lowers the loss";
                break;
            }
        }

        var parameters = vector.Parameters(u);
        var finalLoss = double.NaN;
        try
        {
            finalLoss = options.EstimateNoise
                ? NoiseScales.WholeTableLoss(system, data, loss, parameters, u.AsSpan(objective.NoiseOffset), options.Solve)
                : FittingObjective.Loss(system, data, loss, parameters, options.Solve);
        }
        catch (SolveException exception)
        {
            message = message.Length > 0 ? message : "the fitted model cannot be solved over the data: " + exception.Message;
        }
        var succeeded = double.IsFinite(finalLoss) && !failed;
        var noiseScales = options.EstimateNoise
            ? NoiseScales.FromLogarithms(u.AsSpan(objective.NoiseOffset)).Select((sigma, j) => (data.Observed[j], sigma)).ToDictionary()
            : [];
        return new FitResult(system.ParameterNames, parameters, vector.Names, finalLoss, history, succeeded,
            message.Length > 0 ? message : $"{history.Count} iterations") { NoiseScales = noiseScales };
    }

    private static void Validate(FitOptions options)
    {
        if (options.Iterations < 0) throw new ArgumentException($"the number of iterations must be ≥ 0, but is {options.Iterations}");
        if (!(options.LearningRate > 0 && double.IsFinite(options.LearningRate)))
            throw new ArgumentException($"the learning rate must be positive, but is {options.LearningRate}");
        if (options.Windows.HasValue != options.WindowLength.HasValue)
            throw new ArgumentException("minibatches need both the number of windows and their length");
        if (options.Windows is < 1 || options.WindowLength is < 2)
            throw new ArgumentException("minibatches need at least one window of at least two rows");
        if (options.ShootingSegments < 1) throw new ArgumentException($"the number of shooting segments must be ≥ 1, but is {options.ShootingSegments}");
        if (options.ShootingSegments > 1 && options.Windows.HasValue)
            throw new ArgumentException("use either time windows or multiple shooting, not both");
        if (!(options.ContinuityWeight >= 0)) throw new ArgumentException($"the continuity weight must be ≥ 0, but is {options.ContinuityWeight}");
        if (options.EstimateNoise && options.Weights is { Count: > 0 })
            throw new ArgumentException("weights and estimated noise scales exclude each other: an estimated σ_j absorbs its column's weight (the optimum is σ_j² = w_j · mean r_j²); leave out the weights");
        if (options.CheckpointEvery < 1) throw new ArgumentException($"checkpoints need an interval ≥ 1, but it is {options.CheckpointEvery}");
    }

    private static string Describe<TSystem>(TSystem system, TrainableVector vector, FitObjective<TSystem> objective, FitOptions options)
        where TSystem : IOdeSystem, IOdeOutputs =>
        $"{system.Name}: {objective.Size} values ({string.Join(",", vector.Names)}), {options.Optimizer}, lr {options.LearningRate}, " +
        $"{options.Gradient}, seed {options.Seed}, windows {options.Windows}x{options.WindowLength}, shooting {options.ShootingSegments}" +
        (options.Weights is { Count: > 0 } weights ? $", weights {string.Join(",", weights.OrderBy(w => w.Key, StringComparer.Ordinal).Select(w => $"{w.Key}={w.Value:R}"))}" : "") +
        (options.EstimateNoise ? ", noise scales estimated" : "");
}
