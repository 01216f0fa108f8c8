namespace OdeDsl.Runtime.Solvers.Stiff;

/// <summary>
/// Variable-order (1–5), variable-step BDF in backward-difference form with fixed leading coefficient
/// (Shampine &amp; Reichelt 1997; the algorithm of SciPy's BDF, for batches). The step is solved by
/// simplified Newton with <c>I − (h/α_k)·J</c>: the Jacobian is kept across steps and refreshed only
/// when Newton fails with an old one; the LU is refactored only when h or the order changes, and
/// both change at most once every k + 1 steps, so most steps reuse the LU.
/// </summary>
internal static class BdfSolver
{
    private const int MaxOrder = BdfCoefficients.MaxOrder;
    private const int NewtonMaxIterations = 4;
    private const double MinFactor = 0.2;
    private const double MaxFactor = 10;

    public static SolveOutcome Run(StiffRun run, double[] initialStates) => Run(run, initialStates, MaxOrder);

    /// <param name="highestOrder">Caps the order (1–5); order tests fit one formula at a time.</param>
    public static SolveOutcome Run(StiffRun run, double[] initialStates, int highestOrder)
    {
        var problem = run.Problem;
        var options = run.Options;
        var size = problem.Size;
        var n = problem.StateCount;
        var current = initialStates.ToArray();
        if (run.Start(current) is { } early)
            return early;
        var (t0, t1) = (options.T0, options.T1);
        var direction = run.Direction;
        var derivative = new double[size];
        problem.Derivative(t0, current, derivative);
        if (run.CheckDerivative(t0, derivative) is { } badDerivative)
            return badDerivative;

        var differences = new double[MaxOrder + 3][];
        for (var i = 0; i < differences.Length; i++)
            differences[i] = new double[size];
        var predicted = new double[size];
        var psi = new double[size];
        var correction = new double[size];
        var iterate = new double[size];
        var scratch = new double[size];
        var localError = new double[size];
        var jacobian = new double[size * n];
        var matrix = new IterationMatrix(problem);
        var newtonTolerance = NewtonSettings.Tolerance(problem.SmallestRtol);
        var maxStep = run.MaxStep;

        var hAbs = Math.Min(options.FirstStep ?? run.InitialStep(t0, current, derivative, order: 1), maxStep);
        current.CopyTo(differences[0]);
        for (var index = 0; index < size; index++)
            differences[1][index] = direction * hAbs * derivative[index];
        problem.Jacobians.Evaluate(t0, current, derivative, jacobian);
        var order = 1;
        var equalSteps = 0;
        var t = t0;
        var lastNewtonFailed = false;
        var worstTrajectory = 0;
        // An observer (the checkpointed adjoint) sees each step as a cubic Hermite segment, so it needs f at every
        // step's end: one more evaluation per accepted step, spent only when observed.
        var observer = run.Observer;
        double[] stepStart = observer is null ? [] : current.ToArray();
        double[] stepStartDerivative = observer is null ? [] : derivative.ToArray();
        double[] stepEndDerivative = observer is null ? [] : new double[size];

        while (true)
        {
            var jacobianCurrent = false;
            var accepted = false;
            double tNew = 0, errorNorm = 0, safety = 0;
            var lastStep = false;
            while (!accepted)
            {
                if (run.Accepted + run.Rejected >= options.MaxSteps)
                    return run.Finish(SolveStatus.MaxStepsExceeded, SolveMessages.MaxStepsExceeded(options.MaxSteps, t, t1));
                if (hAbs > maxStep)
                {
                    ChangeDifferences(differences, order, maxStep / hAbs);
                    hAbs = maxStep;
                    equalSteps = 0;
                }
                if (hAbs < StiffRun.MinStep(t) || t + direction * hAbs == t)
                {
                    return lastNewtonFailed
                        ? run.Finish(SolveStatus.ConvergenceFailure, SolveMessages.NewtonFailure(t, hAbs))
                        : run.Finish(SolveStatus.StepSizeUnderflow,
                            SolveMessages.StepSizeUnderflow(t, hAbs, problem.Trajectories, worstTrajectory));
                }
                tNew = t + direction * hAbs;
                lastStep = direction * (t1 - tNew) <= 1e-9 * hAbs;
                if (lastStep)
                {
                    tNew = t1;
                    var shortened = Math.Abs(tNew - t);
                    ChangeDifferences(differences, order, shortened / hAbs);
                    hAbs = shortened;
                    equalSteps = 0;
                }
                var h = direction * hAbs;

                predicted.AsSpan().Clear();
                psi.AsSpan().Clear();
                for (var i = 0; i <= order; i++)
                    AddScaled(predicted, 1, differences[i]);
                for (var i = 1; i <= order; i++)
                    AddScaled(psi, BdfCoefficients.Gamma[i] / BdfCoefficients.Alpha[order], differences[i]);
                var c = h / BdfCoefficients.Alpha[order];

                bool converged;
                int iterations;
                while (true)
                {
                    converged = matrix.EnsureFactored(jacobian, c);
                    iterations = 0;
                    if (converged)
                        converged = Newton(problem, matrix, tNew, c, predicted, psi, iterate, correction, scratch,
                            newtonTolerance, out iterations);
                    if (converged || jacobianCurrent)
                        break;
                    problem.Derivative(tNew, predicted, scratch);
                    problem.Jacobians.Evaluate(tNew, predicted, scratch, jacobian);
                    matrix.Invalidate();
                    jacobianCurrent = true;
                }
                if (!converged)
                {
                    run.Rejected++;
                    lastNewtonFailed = true;
                    hAbs *= 0.5;
                    ChangeDifferences(differences, order, 0.5);
                    equalSteps = 0;
                    continue;
                }
                lastNewtonFailed = false;

                safety = 0.9 * (2 * NewtonMaxIterations + 1) / (2 * NewtonMaxIterations + iterations);
                for (var index = 0; index < size; index++)
                    localError[index] = BdfCoefficients.ErrorConstant[order] * correction[index];
                errorNorm = problem.ErrorNorm(localError, iterate, iterate, out worstTrajectory);
                if (!(errorNorm <= 1))
                {
                    run.Rejected++;
                    var factor = double.IsFinite(errorNorm)
                        ? Math.Max(MinFactor, safety * Math.Pow(errorNorm, -1.0 / (order + 1)))
                        : MinFactor;
                    hAbs *= factor;
                    ChangeDifferences(differences, order, factor);
                    equalSteps = 0;
                    continue;
                }
                accepted = true;
            }

            run.Accepted++;
            equalSteps++;
            // Update the differences with the correction d: ∇^{k+2} = d − ∇^{k+1}, ∇^{k+1} = d, then accumulate.
            for (var index = 0; index < size; index++)
                differences[order + 2][index] = correction[index] - differences[order + 1][index];
            correction.CopyTo(differences[order + 1]);
            for (var i = order; i >= 0; i--)
                AddScaled(differences[i], 1, differences[i + 1]);
            SaveInside(run, tNew, direction * hAbs, order, differences);
            if (observer is not null)
            {
                problem.Derivative(tNew, differences[0], stepEndDerivative);
                observer.Accepted(t, tNew, stepStart, stepStartDerivative, differences[0], stepEndDerivative);
                differences[0].CopyTo(stepStart);
                stepEndDerivative.CopyTo(stepStartDerivative);
            }
            t = tNew;
            differences[0].CopyTo(current);
            if (lastStep)
                return run.Finish(SolveStatus.Success, "");
            if (equalSteps < order + 1)
                continue;

            // Change order (by at most one) and step together, once the last k + 1 steps were equal.
            var lower = order > 1 ? ScaledNorm(problem, BdfCoefficients.ErrorConstant[order - 1], differences[order], current, localError) : double.PositiveInfinity;
            var higher = order < highestOrder ? ScaledNorm(problem, BdfCoefficients.ErrorConstant[order + 1], differences[order + 2], current, localError) : double.PositiveInfinity;
            Span<double> factors =
            [
                Factor(lower, order),
                Factor(errorNorm, order + 1),
                Factor(higher, order + 2),
            ];
            var best = 0;
            for (var i = 1; i < 3; i++)
                if (factors[i] > factors[best])
                    best = i;
            order += best - 1;
            var stepFactor = Math.Min(MaxFactor, safety * factors[best]);
            hAbs *= stepFactor;
            ChangeDifferences(differences, order, stepFactor);
            equalSteps = 0;
        }
    }

    private static double Factor(double errorNorm, int exponentBase) =>
        errorNorm == 0 ? double.MaxValue : Math.Pow(errorNorm, -1.0 / exponentBase);

    private static double ScaledNorm(StiffProblem problem, double constant, double[] difference, double[] states,
        double[] scratch)
    {
        for (var index = 0; index < scratch.Length; index++)
            scratch[index] = constant * difference[index];
        return problem.ErrorNorm(scratch, states);
    }

    /// <summary>
    /// Solves <c>d = c·f(t, y_pred + d) − ψ</c> for the correction d; <paramref name="iterate"/> ends as
    /// <c>y_pred + d</c> and <paramref name="correction"/> as d.
    /// </summary>
    private static bool Newton(StiffProblem problem, IterationMatrix matrix, double t, double c, double[] predicted,
        double[] psi, double[] iterate, double[] correction, double[] step, double tolerance, out int iterations)
    {
        predicted.CopyTo(iterate);
        correction.AsSpan().Clear();
        var previousNorm = double.NaN;
        for (var k = 0; k < NewtonMaxIterations; k++)
        {
            iterations = k + 1;
            problem.Derivative(t, iterate, step);
            for (var index = 0; index < step.Length; index++)
                step[index] = c * step[index] - psi[index] - correction[index];
            matrix.Solve(step);
            var norm = problem.ErrorNorm(step, predicted);
            if (!double.IsFinite(norm))
                return false;
            var rate = norm / previousNorm;
            if (k > 0 && (rate >= 1 || Math.Pow(rate, NewtonMaxIterations - k) / (1 - rate) * norm > tolerance))
                return false;
            AddScaled(iterate, 1, step);
            AddScaled(correction, 1, step);
            if (norm == 0 || (k > 0 && rate / (1 - rate) * norm < tolerance))
                return true;
            previousNorm = norm;
        }
        iterations = NewtonMaxIterations;
        return false;
    }

    /// <summary>
    /// Rescales the differences to a step <c>factor</c> times the current one:
    /// <c>D ← (R·U)ᵀ·D</c> (Shampine &amp; Reichelt 1997, §2.3).
    /// </summary>
    private static void ChangeDifferences(double[][] differences, int order, double factor)
    {
        Span<double> r = stackalloc double[(MaxOrder + 1) * (MaxOrder + 1)];
        Span<double> u = stackalloc double[(MaxOrder + 1) * (MaxOrder + 1)];
        Span<double> ru = stackalloc double[(MaxOrder + 1) * (MaxOrder + 1)];
        var size = order + 1;
        ComputeR(order, factor, r);
        ComputeR(order, 1, u);
        for (var i = 0; i < size; i++)
            for (var j = 0; j < size; j++)
            {
                var sum = 0.0;
                for (var k = 0; k < size; k++)
                    sum += r[i * size + k] * u[k * size + j];
                ru[i * size + j] = sum;
            }
        var length = differences[0].Length;
        Span<double> column = stackalloc double[MaxOrder + 1];
        for (var index = 0; index < length; index++)
        {
            for (var i = 0; i < size; i++)
                column[i] = differences[i][index];
            for (var i = 0; i < size; i++)
            {
                var sum = 0.0;
                for (var j = 0; j < size; j++)
                    sum += ru[j * size + i] * column[j];
                differences[i][index] = sum;
            }
        }
    }

    private static void ComputeR(int order, double factor, Span<double> r)
    {
        var size = order + 1;
        for (var j = 0; j < size; j++)
            r[j] = 1;
        for (var i = 1; i < size; i++)
            for (var j = 0; j < size; j++)
            {
                var entry = j == 0 ? 0 : (i - 1 - factor * j) / i;
                r[i * size + j] = r[(i - 1) * size + j] * entry;
            }
    }

    /// <summary>
    /// Dense output at the save times inside the step just taken: the interpolating polynomial through
    /// the last k + 1 points, <c>y(s) = D_0 + Σ_k D_k·Π_{m&lt;k} (s − (t − m·h)) / ((m + 1)·h)</c>.
    /// </summary>
    private static void SaveInside(StiffRun run, double t, double h, int order, double[][] differences)
    {
        var direction = run.Direction;
        Span<double> products = stackalloc double[MaxOrder];
        while (run.SavedCount < run.SaveTimes.Length && direction * (run.SaveTimes[run.SavedCount] - t) <= 0)
        {
            var saveTime = run.SaveTimes[run.SavedCount];
            var slot = run.NextSaveSlot();
            differences[0].CopyTo(slot);
            if (saveTime == t)
                continue;
            var product = 1.0;
            for (var m = 0; m < order; m++)
            {
                product *= (saveTime - (t - h * m)) / (h * (m + 1));
                products[m] = product;
            }
            for (var k = 1; k <= order; k++)
            {
                var weight = products[k - 1];
                var difference = differences[k];
                for (var index = 0; index < slot.Length; index++)
                    slot[index] += weight * difference[index];
            }
        }
    }

    private static void AddScaled(Span<double> target, double factor, ReadOnlySpan<double> source)
    {
        for (var index = 0; index < target.Length; index++)
            target[index] += factor * source[index];
    }
}
