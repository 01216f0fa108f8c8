namespace OdeDsl.Runtime.Gradients;

/// <summary>The reverse of one recorded step for <see cref="DiscreteAdjoint"/>: explicit Runge–Kutta or diagonally implicit.</summary>
internal interface IStepSweep
{
    /// <summary>Kernel calls of the backward pass (VJPs, and the implicit stages' Jacobians).</summary>
    int Evaluations { get; }

    /// <summary><c>∂L/∂θ</c> accumulated so far over all steps and trajectories.</summary>
    double[] SumParameters();

    /// <summary>
    /// Turns <paramref name="yBar"/> from <c>∂L/∂y_{n+1}</c> into <c>∂L/∂y_n</c> in place, adding the cotangents of the
    /// save points inside the step, and accumulates <c>∂L/∂θ</c>; returns the cotangents of the step's start time and
    /// of its size, or null when the step has no derivative (a singular implicit stage).
    /// </summary>
    (double Time, double Step)? Reverse(RecordedStep step, double[] yBar, List<int> interiorSaves,
        double[] stateGradients, double[] times);
}
