using OdeDsl.Runtime.Solvers;

namespace OdeDsl.Runtime.Gradients;

/// <summary>Integrates an adjoint state backwards over one segment, explicitly or with a stiff method.</summary>
internal interface IBackwardSolver
{
    int Evaluations { get; }

    int Steps { get; }

    /// <summary>Integrates <paramref name="state"/> (<c>[B, width]</c>) from <paramref name="from"/> to <paramref name="to"/> in place.</summary>
    SolveOutcome Run(double[] state, double from, double to);
}
