using OdeDsl.Runtime.Data;
using OdeDsl.Runtime.Gradients;
using OdeDsl.Runtime.Solvers;
using OdeDsl.Runtime.Systems;

namespace OdeDsl.Runtime.Fitting;

/// <summary>
/// The objective a fit minimises over <c>u = [trainable θ (unconstrained), multiple-shooting states, log noise scales]</c> and its
/// gradient: the segments of an iteration (whole trajectories, random time windows, or shooting segments) are
/// each solved and differentiated by <see cref="Gradient.Compute(IOdeSystem, ReadOnlySpan{double}, ReadOnlySpan{double}, GradientOptions, IObservationLoss)"/>
/// on their trajectory's <see cref="InputDrivenSystem"/> (the model with that trajectory's inputs).
/// </summary>
internal sealed class FitObjective<TSystem> where TSystem : IOdeSystem, IOdeOutputs
{
    private readonly ObservationTable _table;
    private readonly FitOptions _options;
    private readonly TrainableVector _vector;
    private readonly ObservationLoss _loss;
    private readonly int[]? _stateColumns;
    private readonly TSystem _system;
    private readonly IReadOnlyList<InputDrivenSystem> _models;
    private readonly IReadOnlyList<InitialStateJacobian> _initialJacobians;
    private readonly List<Segment> _shootingSegments = [];
    private readonly int _n;

    public FitObjective(TSystem system, ObservationTable table, ObservationLoss loss, FitOptions options, TrainableVector vector,
        double[] start)
    {
        (_system, _table, _options, _vector, _n) = (system, table, options, vector, system.StateCount);
        _loss = loss;
        _models = InputDrivenSystem.ForTable(system, table, options.Solve.T0);
        _stateColumns = DirectStateColumns.Find(_models[0], _models[0], loss, start);
        var trainable = Enumerable.Range(0, vector.Count).Select(vector.ParameterIndex).ToList();
        // With inputs, dz0/dθ differs between trajectories (init gut = dose); without, one Jacobian serves them all.
        _initialJacobians = system.InputNames.Count == 0
            ? [.. Enumerable.Repeat(new InitialStateJacobian(_models[0], trainable, start), _models.Count)]
            : [.. _models.Select(model => new InitialStateJacobian(model, trainable, start))];
        if (options.ShootingSegments > 1) PlanShooting();
        if (options.WindowLength is { } length && !table.Trajectories.Any(t => t.Times.Count >= length))
            throw new ArgumentException($"no trajectory has the {length} rows a time window needs; use a shorter window");
    }

    public int Size => NoiseOffset + NoiseScaleCount;

    /// <summary>Where the log noise scales <c>s_j</c> start in <c>u</c>.</summary>
    public int NoiseOffset => _vector.Count + ShootingStateCount * _n;

    private int NoiseScaleCount => _options.EstimateNoise ? _loss.ColumnCount : 0;

    private int ShootingStateCount => _shootingSegments.Count(s => s.Start == SegmentStart.ShootingState);

    public long ForwardEvaluations { get; private set; }
    public long BackwardEvaluations { get; private set; }

    /// <summary><c>u</c> at the start: the trainable values, and shooting states from the data or the starting model.</summary>
    public double[] Start()
    {
        var u = new double[Size];
        _vector.Start().CopyTo(u, 0);
        var parameters = _vector.Parameters(u);
        var solutions = new Dictionary<int, double[]>();
        foreach (var segment in _shootingSegments.Where(s => s.Start == SegmentStart.ShootingState))
        {
            var state = DataState(segment) ?? ModelState(segment, parameters, solutions);
            state.CopyTo(u, ShootingOffset(segment.ShootingState));
        }
        if (_options.EstimateNoise) NoiseScales.Start(_system, _table, _loss, parameters, _options.Solve).CopyTo(u, NoiseOffset);
        return u;
    }

    /// <summary>The objective at <paramref name="u"/> for iteration <paramref name="iteration"/> (which fixes its windows).</summary>
    public (double Loss, double[] Gradient)? Evaluate(double[] u, int iteration, out string? failure)
    {
        failure = null;
        var parameters = _vector.Parameters(u);
        var segments = Segments(iteration);
        var columnCounts = Enumerable.Range(0, _table.Observed.Count).Select(j => segments.Sum(s => Enumerable.Range(s.FirstRow, s.RowCount)
            .Count(row => !double.IsNaN(_table.Trajectories[s.Trajectory].Value(row, j))))).ToArray();
        var count = columnCounts.Sum();
        var logNoiseScales = u.AsSpan(NoiseOffset, NoiseScaleCount);
        var observationLoss = _options.EstimateNoise ? _loss.WithNoiseScales(NoiseScales.FromLogarithms(logNoiseScales)) : _loss;
        var columnSums = new double[columnCounts.Length];
        var links = segments.Count(s => s.NextShootingState >= 0);
        var continuityWeight = links == 0 ? 0 : _options.ContinuityWeight / (_n * links);
        var gradient = new double[Size];
        var parameterGradient = new double[parameters.Length];
        var solutions = new Dictionary<int, double[]>();
        var total = 0.0;
        foreach (var segment in segments)
        {
            var trajectory = _table.Trajectories[segment.Trajectory];
            var model = _models[segment.Trajectory];
            var start = segment.Start switch
            {
                SegmentStart.ModelInitial => InitialState(model, parameters),
                SegmentStart.ShootingState => u.AsSpan(ShootingOffset(segment.ShootingState), _n).ToArray(),
                SegmentStart.Data => DataState(segment)!,
                _ => ModelState(segment, parameters, solutions),
            };
            var saveAt = Enumerable.Range(segment.FirstRow, segment.RowCount).Select(row => trajectory.Times[row]).ToList();
            var next = segment.NextShootingState >= 0 ? u.AsSpan(ShootingOffset(segment.NextShootingState), _n).ToArray() : null;
            if (next is not null) saveAt.Add(segment.EndTime);
            var loss = new SegmentLoss(model, observationLoss, trajectory, segment.FirstRow, segment.RowCount,
                count == 0 ? 0 : 1.0 / count, next, continuityWeight);
            var result = Gradient.Compute(model, start, parameters, new GradientOptions
            {
                Solve = _options.Solve with { T0 = segment.StartTime, T1 = saveAt[^1], SaveAt = saveAt, ThrowOnFailure = false },
                Method = _options.Gradient,
            }, loss);
            ForwardEvaluations += result.Stats.ForwardEvaluations;
            BackwardEvaluations += result.Stats.BackwardEvaluations;
            if (!result.Succeeded)
            {
                failure = result.Message;
                return null;
            }
            total += result.Loss;
            for (var j = 0; j < columnSums.Length; j++) columnSums[j] += loss.ColumnSums[j];
            for (var k = 0; k < parameters.Length; k++) parameterGradient[k] += result.Parameters[k];
            if (segment.Start == SegmentStart.ModelInitial)
                _initialJacobians[segment.Trajectory].AddTransposeProduct(parameters, result.InitialStates, parameterGradient);
            if (segment.Start == SegmentStart.ShootingState)
                for (var i = 0; i < _n; i++) gradient[ShootingOffset(segment.ShootingState) + i] += result.InitialStates[i];
            if (next is not null)
                for (var i = 0; i < _n; i++) gradient[ShootingOffset(segment.NextShootingState) + i] += loss.NextStateGradient[i];
        }
        _vector.ChainGradient(u, parameterGradient, gradient);
        if (_options.EstimateNoise)
            total += NoiseScales.AddLogTerm(logNoiseScales, columnCounts, columnSums, gradient.AsSpan(NoiseOffset, NoiseScaleCount));
        return (total, gradient);
    }

    private int ShootingOffset(int state) => _vector.Count + state * _n;

    private List<Segment> Segments(int iteration)
    {
        if (_shootingSegments.Count > 0) return _shootingSegments;
        var t0 = _options.Solve.T0;
        if (_options is not { Windows: { } windows, WindowLength: { } length })
            return [.. _table.Trajectories.Select((t, k) => new Segment(k, 0, t.Times.Count, t0, SegmentStart.ModelInitial, -1, -1, 0))];
        // A generator per iteration: a resumed fit draws the same windows as an uninterrupted one.
        var random = new Random(IterationSeed(_options.Seed, iteration));
        var eligible = Enumerable.Range(0, _table.Trajectories.Count).Where(k => _table.Trajectories[k].Times.Count >= length).ToList();
        var segments = new List<Segment>(windows);
        for (var w = 0; w < windows; w++)
        {
            var k = eligible[random.Next(eligible.Count)];
            var trajectory = _table.Trajectories[k];
            var first = random.Next(trajectory.Times.Count - length + 1);
            var segment = new Segment(k, first, length, trajectory.Times[first], SegmentStart.Data, -1, -1, 0);
            segments.Add(DataState(segment) is null ? segment with { Start = SegmentStart.ModelSolution } : segment);
        }
        return segments;
    }

    /// <summary>
    /// A seed for iteration <paramref name="iteration"/>: SplitMix64's finaliser over both numbers, the same in every
    /// process (unlike <see cref="HashCode"/>, which is randomised per process).
    /// </summary>
    private static int IterationSeed(int seed, int iteration)
    {
        var mixed = unchecked(((ulong)(uint)seed << 32 | (uint)iteration) + 0x9E3779B97F4A7C15UL);
        mixed = unchecked((mixed ^ (mixed >> 30)) * 0xBF58476D1CE4E5B9UL);
        mixed = unchecked((mixed ^ (mixed >> 27)) * 0x94D049BB133111EBUL);
        return (int)((mixed ^ (mixed >> 31)) & int.MaxValue);
    }

    private void PlanShooting()
    {
        var parts = _options.ShootingSegments;
        var state = 0;
        for (var k = 0; k < _table.Trajectories.Count; k++)
        {
            var trajectory = _table.Trajectories[k];
            var rows = trajectory.Times.Count;
            if (rows < parts)
                throw new ArgumentException($"{parts} shooting segments need at least {parts} rows per trajectory, but {(trajectory.Id.Length == 0 ? "the data have" : $"trajectory '{trajectory.Id}' has")} {rows}");
            var bounds = Enumerable.Range(0, parts + 1).Select(i => i * rows / parts).ToArray();
            for (var s = 0; s < parts; s++)
            {
                var first = bounds[s];
                var isFirst = s == 0;
                var isLast = s == parts - 1;
                _shootingSegments.Add(new Segment(k, first, bounds[s + 1] - first,
                    isFirst ? _options.Solve.T0 : trajectory.Times[first],
                    isFirst ? SegmentStart.ModelInitial : SegmentStart.ShootingState,
                    isFirst ? -1 : state,
                    isLast ? -1 : isFirst ? state : state + 1,
                    isLast ? 0 : trajectory.Times[bounds[s + 1]]));
                if (!isFirst) state++;
            }
        }
    }

    /// <summary>The state at a segment's first row read from the data, when every state is observed there directly.</summary>
    private double[]? DataState(Segment segment)
    {
        if (_stateColumns is not { } columns) return null;
        var trajectory = _table.Trajectories[segment.Trajectory];
        var state = columns.Select(j => trajectory.Value(segment.FirstRow, j)).ToArray();
        return state.Any(double.IsNaN) ? null : state;
    }

    /// <summary>The current model's state at a segment's first row (solved once per trajectory and evaluation).</summary>
    private double[] ModelState(Segment segment, double[] parameters, Dictionary<int, double[]> solutions)
    {
        var trajectory = _table.Trajectories[segment.Trajectory];
        if (!solutions.TryGetValue(segment.Trajectory, out var saved))
        {
            var model = _models[segment.Trajectory];
            var solution = Integrator.Solve<double>(model, InitialState(model, parameters), parameters, FittingObjective.ForTrajectory(_options.Solve, trajectory));
            ForwardEvaluations += solution.Stats.FunctionEvaluations;
            solutions[segment.Trajectory] = saved = solution.States;
        }
        return saved.AsSpan(segment.FirstRow * _n, _n).ToArray();
    }

    private double[] InitialState(InputDrivenSystem model, double[] parameters)
    {
        var initial = new double[_n];
        model.GetInitialState(parameters, initial);
        return initial;
    }
}
