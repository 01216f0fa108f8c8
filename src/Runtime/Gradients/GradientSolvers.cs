using OdeDsl.Runtime.Solvers;
using OdeDsl.Runtime.Solvers.Stiff;

namespace OdeDsl.Runtime.Gradients;

/// <summary>The resolved methods of a gradient request: per direction exactly one of explicit or stiff is set.</summary>
internal sealed record GradientSolvers(RungeKuttaMethod? ForwardExplicit, StiffMethod? ForwardStiff,
    RungeKuttaMethod? BackwardExplicit, StiffMethod? BackwardStiff);
