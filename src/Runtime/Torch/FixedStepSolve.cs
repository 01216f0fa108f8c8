using OdeDsl.Runtime.Solvers.Tableaux;
using static TorchSharp.torch;

namespace OdeDsl.Runtime.Torch;

/// <summary>
/// A fixed-step explicit Runge–Kutta solve written as tensor operations, so autograd records every stage:
/// backpropagating through it gives the exact gradient of the discretised solution. Each interval between
/// save times is split into equal steps no longer than <c>dt</c>, so save times lie on the grid.
/// </summary>
internal static class FixedStepSolve
{
    public static Tensor Solve(Func<Tensor, Tensor, Tensor> f, Tensor z0, ButcherTableau tableau, double t0,
        IReadOnlyList<double> saveTimes, double dt)
    {
        var saved = new List<Tensor>();
        var z = z0;
        var t = t0;
        foreach (var target in saveTimes)
        {
            var steps = (int)Math.Ceiling(Math.Abs(target - t) / dt - 1e-9);
            var h = steps == 0 ? 0 : (target - t) / steps;
            for (var step = 0; step < steps; step++)
            {
                z = Step(f, z, t + step * h, h, tableau);
            }
            t = target;
            saved.Add(z);
        }
        return stack(saved);
    }

    private static Tensor Step(Func<Tensor, Tensor, Tensor> f, Tensor z, double t, double h, ButcherTableau tableau)
    {
        var stages = new Tensor[tableau.Stages];
        var next = z;
        for (var i = 0; i < tableau.Stages; i++)
        {
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
