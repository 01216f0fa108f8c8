using OdeDsl.Runtime.Solvers;
using OdeDsl.Runtime.Solvers.Interpolation;
using static OdeDsl.Runtime.Gradients.SweepVectors;

namespace OdeDsl.Runtime.Gradients;

/// <summary>
/// The discrete adjoint: reverse-mode differentiation of the solver's own arithmetic. The forward pass records every
/// accepted step (start state, all stages); the backward pass walks the steps in reverse and, per step, pulls the
/// cotangent of <c>y_{n+1} = y_n + h Σ b_j k_j</c>, of the dense output at save points inside the step, and of every
/// stage <c>k_j = f(t + c_j h, y_n + h Σ a_jl k_l)</c> back through the stage VJPs. The result is the exact gradient of
/// the discretised solution, with one convention: step sizes chosen by the controller (and the first step) are
/// constants; only the last step, <c>h = t1 − t_n</c>, moves with <c>t0</c> and <c>t1</c>, and every step time moves with
/// <c>t0</c>. With fixed steps (<see cref="SolveOptions.Dt"/>) this is exactly the derivative of the solver's output.
/// Explicit methods are swept by <see cref="StepSweep"/>, diagonally implicit ones (trbdf2, implicit-euler) by
/// <see cref="ImplicitStepSweep"/>, which differentiates each implicit stage by the implicit-function theorem.
/// </summary>
internal static class DiscreteAdjoint
{
    /// <summary>Half-width of the stencil that differentiates the dense output's weight polynomials in θ.</summary>
    private const double ThetaStep = 1e-3;

    public static GradientResult Compute(GradientProblem problem, IObservationLoss loss)
    {
        var times = problem.ObservationTimes;
        SolveOutcome forward;
        double[] observed;
        IReadOnlyList<RecordedStep> steps;
        IStepSweep sweep;
        long bytes;
        if (problem.ForwardStiff is { ImplicitTableau: { } tableau })
        {
            var recorder = new EsdirkStepRecorder(tableau);
            (forward, observed) = problem.SolveForwardStiff(recorder);
            (steps, sweep, bytes) = (recorder.Steps, new ImplicitStepSweep(problem, recorder), recorder.Bytes);
        }
        else
        {
            StepRecorder? recorder = null;
            (forward, observed) = problem.SolveForward(problem.InitialStates, problem.T0, problem.T1, times,
                observerFor: backend => recorder = new StepRecorder(backend, problem.Method));
            (steps, sweep, bytes) = (recorder!.Steps, new StepSweep(problem, recorder), recorder.Bytes);
        }
        if (forward.Status != SolveStatus.Success)
            return GradientFailure.Forward(problem, forward);
        var (value, stateGradients, directParameters) = problem.EvaluateLoss(loss, observed);
        var (endpointSaves, interiorSaves, initialSaves) = MapSaves(times, steps, problem.T1);

        var yBar = new double[problem.Trajectories * problem.StateCount];
        var t0Gradient = 0.0;
        var t1Gradient = 0.0;
        for (var index = steps.Count - 1; index >= 0; index--)
        {
            foreach (var save in endpointSaves[index])
                Add(yBar, stateGradients.AsSpan(save * yBar.Length, yBar.Length));
            if (sweep.Reverse(steps[index], yBar, interiorSaves[index], stateGradients, times) is not var (timeBar, stepBar))
                return GradientFailure.Invalid(problem.InitialStates.Length, problem.ParameterCount,
                    $"the discrete adjoint has no derivative at t={steps[index].T:G6}: the implicit stage matrix I − hγJ " +
                    "there is singular or not finite; use GradientMethod.Checkpoint");
            t0Gradient += timeBar;
            if (index == steps.Count - 1)
            {
                t1Gradient += stepBar;
                t0Gradient -= stepBar;
            }
        }
        foreach (var save in initialSaves)
            Add(yBar, stateGradients.AsSpan(save * yBar.Length, yBar.Length));

        var parameters = sweep.SumParameters();
        for (var j = 0; j < problem.ParameterCount; j++)
            parameters[j] += directParameters[j];
        var stats = new GradientStats(forward.Stats.FunctionEvaluations, sweep.Evaluations,
            forward.Stats.AcceptedSteps + forward.Stats.RejectedSteps, steps.Count, bytes);
        return new GradientResult(value, yBar, parameters, t0Gradient, t1Gradient, stats, SolveStatus.Success, "");
    }

    /// <summary>
    /// Which save points each step produced, by the integration loop's own rule: a save at the step's end takes the
    /// end state, one inside it the dense output; saves at <c>t0</c> come before any step.
    /// </summary>
    private static (List<int>[] Endpoint, List<int>[] Interior, List<int> Initial) MapSaves(double[] times,
        IReadOnlyList<RecordedStep> steps, double t1)
    {
        var endpoint = steps.Select(_ => new List<int>()).ToArray();
        var interior = steps.Select(_ => new List<int>()).ToArray();
        var initial = new List<int>();
        var saved = 0;
        while (saved < times.Length && (steps.Count == 0 || times[saved] == steps[0].T))
            initial.Add(saved++);
        for (var index = 0; index < steps.Count; index++)
        {
            var end = index + 1 < steps.Count ? steps[index + 1].T : t1;
            while (saved < times.Length && times[saved] <= end)
            {
                (times[saved] == end ? endpoint : interior)[index].Add(saved);
                saved++;
            }
        }
        return (endpoint, interior, initial);
    }

    private static void Add(double[] target, ReadOnlySpan<double> values)
    {
        for (var i = 0; i < target.Length; i++)
            target[i] += values[i];
    }

    /// <summary>The reverse of one explicit Runge–Kutta step, with its scratch buffers.</summary>
    private sealed class StepSweep : IStepSweep
    {
        private readonly GradientProblem _problem;
        private readonly RungeKuttaMethod _method;
        private readonly int _size;
        private readonly int _registers;
        private readonly double[] _stageBar;
        private readonly double[] _startBar;
        private readonly StageVjp _vjp;
        private readonly double[] _weights;
        private readonly double[] _weightSlopes;
        private readonly double[] _scratch;
        private readonly double[] _endWeights;

        public StepSweep(GradientProblem problem, StepRecorder recorder)
        {
            _problem = problem;
            _method = recorder.Method;
            _size = problem.Trajectories * problem.StateCount;
            _registers = _method.RegisterCount;
            _stageBar = new double[_registers * _size];
            _startBar = new double[_size];
            _vjp = new StageVjp(problem);
            _weights = new double[_registers];
            _weightSlopes = new double[_registers];
            _scratch = new double[_registers];
            _endWeights = new double[_registers];
            for (var j = 0; j < _method.Tableau.Stages; j++)
                _endWeights[j] = _method.Tableau.B[j];
        }

        public int Evaluations => _vjp.Evaluations;

        public double[] SumParameters() => _vjp.SumParameters();

        /// <summary>An explicit step always has a derivative, so this never returns null.</summary>
        public (double Time, double Step)? Reverse(RecordedStep step, double[] yBar, List<int> interiorSaves,
            double[] stateGradients, double[] times)
        {
            var (t, h) = (step.T, step.H);
            var tableau = _method.Tableau;
            var dense = _method.DenseOutput;
            Array.Clear(_stageBar);
            Array.Clear(_startBar);
            double timeBar = 0, stepBar = 0;

            foreach (var save in interiorSaves)
            {
                var g = stateGradients.AsSpan(save * _size, _size);
                var theta = (times[save] - t) / h;
                WeightsAndSlopes(dense, theta);
                for (var k = 0; k < _registers; k++)
                {
                    var projection = Dot(g, Stage(step, k));
                    stepBar += (_weights[k] - theta * _weightSlopes[k]) * projection;
                    timeBar -= _weightSlopes[k] * projection;
                    AddScaled(StageBar(k), h * _weights[k], g);
                }
                AddScaled(_startBar, 1, g);
            }

            for (var extra = dense.ExtraNodes.Count - 1; extra >= 0; extra--)
            {
                var register = _method.EndRegister + 1 + extra;
                StageInput(step, dense.ExtraCoefficients[extra], h);
                PullStage(step, register, t + dense.ExtraNodes[extra] * h, dense.ExtraNodes[extra],
                    dense.ExtraCoefficients[extra], h, ref timeBar, ref stepBar);
            }

            if (!tableau.Fsal)
            {
                step.End.CopyTo(_vjp.Input, 0);
                if (_vjp.Apply(t + h, StageBar(_method.EndRegister), out var timeSum))
                {
                    AddScaled(yBar, 1, _vjp.StateCotangent);
                    timeBar += timeSum;
                    stepBar += timeSum;
                }
            }

            AddScaled(_startBar, 1, yBar);
            for (var j = 0; j < tableau.Stages; j++)
            {
                AddScaled(StageBar(j), h * _endWeights[j], yBar);
                stepBar += _endWeights[j] * Dot(yBar, Stage(step, j));
            }

            for (var j = tableau.Stages - 1; j >= 0; j--)
            {
                StageInput(step, _method.Coefficients[j], h);
                PullStage(step, j, t + _method.Nodes[j] * h, _method.Nodes[j], _method.Coefficients[j], h,
                    ref timeBar, ref stepBar);
            }

            _startBar.CopyTo(yBar, 0);
            return (timeBar, stepBar);
        }

        /// <summary>Pulls the cotangent of stage <paramref name="register"/> back to <c>y_n</c>, earlier stages, θ, t and h.</summary>
        private void PullStage(RecordedStep step, int register, double time, double node, double[] coefficients,
            double h, ref double timeBar, ref double stepBar)
        {
            if (!_vjp.Apply(time, StageBar(register), out var timeSum))
                return;
            timeBar += timeSum;
            stepBar += node * timeSum;
            AddScaled(_startBar, 1, _vjp.StateCotangent);
            for (var l = 0; l < coefficients.Length; l++)
            {
                if (coefficients[l] == 0)
                    continue;
                AddScaled(StageBar(l), h * coefficients[l], _vjp.StateCotangent);
                stepBar += coefficients[l] * Dot(_vjp.StateCotangent, Stage(step, l));
            }
        }

        /// <summary><c>_vjp.Input = y_n + h Σ_l coefficients[l]·k_l</c>, the argument of a stage.</summary>
        private void StageInput(RecordedStep step, double[] coefficients, double h)
        {
            step.Start.CopyTo(_vjp.Input, 0);
            for (var l = 0; l < coefficients.Length; l++)
                if (coefficients[l] != 0)
                    AddScaled(_vjp.Input, h * coefficients[l], Stage(step, l));
        }

        /// <summary>Dense-output weights at θ and their θ-derivatives (a fourth-order central stencil on the polynomials).</summary>
        private void WeightsAndSlopes(DenseOutput dense, double theta)
        {
            Array.Clear(_weights);
            dense.Weights(theta, _weights);
            Array.Clear(_weightSlopes);
            ReadOnlySpan<(double Offset, double Factor)> stencil =
                [(2 * ThetaStep, -1), (ThetaStep, 8), (-ThetaStep, -8), (-2 * ThetaStep, 1)];
            foreach (var (offset, factor) in stencil)
            {
                Array.Clear(_scratch);
                dense.Weights(theta + offset, _scratch);
                for (var k = 0; k < _registers; k++)
                    _weightSlopes[k] += factor * _scratch[k] / (12 * ThetaStep);
            }
        }

        private Span<double> StageBar(int register) => _stageBar.AsSpan(register * _size, _size);

        private ReadOnlySpan<double> Stage(RecordedStep step, int register) => step.Stages.AsSpan(register * _size, _size);
    }
}
