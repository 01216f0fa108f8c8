using OdeDsl.Runtime.Solvers.Tableaux;
using static TorchSharp.torch;

namespace OdeDsl.Runtime.Torch;

/// <summary>
/// An explicit Runge–Kutta solve written as tensor operations, so autograd records every stage: backpropagating
/// through it gives the exact gradient of the discretised solution. The steps are either equal ones no longer than
/// <c>dt</c> between save times (<see cref="Uniform"/>) or the accepted steps of an adaptive solve
/// (<see cref="Replay"/>), split at the save times inside them so every save time lies on the grid.
/// </summary>
internal static class TapedSolve
{
    /// <summary>The states at the save times (<c>[S, B, n]</c>), the evaluations of <c>f</c> on the tape, and the steps.</summary>
    public readonly record struct Result(Tensor States, int Evaluations, int Steps);

    public static Result Uniform(Func<Tensor, Tensor, Tensor> f, Tensor z0, ButcherTableau tableau, double t0,
        IReadOnlyList<double> saveTimes, double dt)
    {
        var grid = new List<double> { t0 };
        var t = t0;
        foreach (var target in saveTimes)
        {
            var steps = (int)Math.Ceiling(Math.Abs(target - t) / dt - 1e-9);
            var h = steps == 0 ? 0 : (target - t) / steps;
            for (var step = 1; step < steps; step++)
                grid.Add(t + step * h);
            if (steps > 0)
                grid.Add(target);
            t = target;
        }
        return Run(f, z0, tableau, grid, saveTimes);
    }

    /// <param name="stepStarts">The times the accepted steps start at, in order; the last step ends at <paramref name="t1"/>.</param>
    public static Result Replay(Func<Tensor, Tensor, Tensor> f, Tensor z0, ButcherTableau tableau,
        IReadOnlyList<double> stepStarts, double t1, IReadOnlyList<double> saveTimes)
    {
        var direction = t1 >= stepStarts[0] ? 1.0 : -1.0;
        var grid = stepStarts.Append(t1).Concat(saveTimes).Distinct().OrderBy(time => direction * time).ToList();
        return Run(f, z0, tableau, grid, saveTimes);
    }

    /// <summary>Steps from each grid point to the next, saving the state wherever the grid meets a save time.</summary>
    private static Result Run(Func<Tensor, Tensor, Tensor> f, Tensor z0, ButcherTableau tableau, List<double> grid,
        IReadOnlyList<double> saveTimes)
    {
        var needed = NeededStages(tableau);
        var saved = new List<Tensor>();
        var (z, evaluations, steps, next) = (z0, 0, 0, 0);
        for (var k = 0; ; k++)
        {
            while (next < saveTimes.Count && saveTimes[next] == grid[k])
            {
                saved.Add(z);
                next++;
            }
            if (k == grid.Count - 1)
                break;
            var (t, h) = (grid[k], grid[k + 1] - grid[k]);
            if (h == 0)
                continue;
            z = Step(f, z, t, h, tableau, needed);
            evaluations += needed.Count(stage => stage);
            steps++;
        }
        return new Result(stack(saved), evaluations, steps);
    }

    /// <summary>
    /// Stages that reach the solution: a stage with zero weight that no later stage reads (Dormand–Prince's seventh,
    /// which only feeds the error estimate) is skipped, since the tape has no use for it.
    /// </summary>
    private static bool[] NeededStages(ButcherTableau tableau) =>
        [.. Enumerable.Range(0, tableau.Stages).Select(i => tableau.B[i] != 0
            || Enumerable.Range(i + 1, tableau.Stages - i - 1).Any(j => i < tableau.A[j].Length && tableau.A[j][i] != 0))];

    private static Tensor Step(Func<Tensor, Tensor, Tensor> f, Tensor z, double t, double h, ButcherTableau tableau,
        bool[] needed)
    {
        var stages = new Tensor[tableau.Stages];
        var next = z;
        for (var i = 0; i < tableau.Stages; i++)
        {
            if (!needed[i])
                continue;
            var input = z;
            for (var j = 0; j < tableau.A[i].Length; j++)
            {
                if (tableau.A[i][j] != 0) input = input + h * tableau.A[i][j] * stages[j];
            }
            stages[i] = f(tensor(t + tableau.C[i] * h, z.dtype, z.device), input);
            if (tableau.B[i] != 0) next = next + h * tableau.B[i] * stages[i];
        }
        return next;
    }
}
