using OdeDsl.Runtime.Systems;

namespace OdeDsl.Runtime.Gradients;

/// <summary>
/// The adjoint carried backwards between observations: <c>a = dL/dz(t)</c> (<c>[B, n]</c>), <c>a_θ</c> (<c>[B, p]</c>) and
/// <c>a_t</c> (<c>[B]</c>), with the jump rules at observation times shared by the backsolve and the checkpointed adjoint.
/// </summary>
internal sealed class AdjointState
{
    private readonly GradientProblem _problem;
    private readonly double[] _f;

    public AdjointState(GradientProblem problem)
    {
        _problem = problem;
        A = new double[problem.Trajectories * problem.StateCount];
        Parameters = new double[problem.Trajectories * problem.ParameterCount];
        Time = new double[problem.Trajectories];
        _f = new double[A.Length];
    }

    public double[] A { get; }

    public double[] Parameters { get; }

    public double[] Time { get; }

    /// <summary><c>dL/dt1</c>: <c>∂L/∂z(t1)ᵀ f(t1, z(t1))</c> when the last observation is at <c>t1</c>.</summary>
    public double T1Gradient { get; private set; }

    /// <summary>Kernel evaluations the jumps cost.</summary>
    public int Evaluations { get; private set; }

    /// <summary>
    /// Observation <paramref name="index"/> at <paramref name="time"/> with state <paramref name="z"/> (<c>[B, n]</c>):
    /// <c>a += ∂L/∂z(t_i)</c>; unless <c>t_i = t0</c>, <c>a_t −= ∂L/∂z(t_i)ᵀ f(t_i, z_i)</c>, which holds <c>t_i</c> fixed
    /// (at <c>t1</c> that term is <c>dL/dt1</c>, the start value <c>−dL/dt1</c> of Algorithm 2).
    /// </summary>
    public void Observe(double time, ReadOnlySpan<double> z, ReadOnlySpan<double> stateGradients)
    {
        var n = _problem.StateCount;
        for (var i = 0; i < A.Length; i++)
            A[i] += stateGradients[i];
        if (time == _problem.T0)
            return;
        _problem.Kernel.Derivative(time, z, _problem.Parameters, _f);
        Evaluations++;
        for (var b = 0; b < Time.Length; b++)
        {
            var dot = 0.0;
            for (var i = 0; i < n; i++)
                dot += stateGradients[b * n + i] * _f[b * n + i];
            Time[b] -= dot;
            if (time == _problem.T1)
                T1Gradient += dot;
        }
    }

    /// <summary>The parameter adjoint summed over the batch.</summary>
    public double[] SumParameters()
    {
        var p = _problem.ParameterCount;
        var sum = new double[p];
        for (var b = 0; b < Time.Length; b++)
            for (var j = 0; j < p; j++)
                sum[j] += Parameters[b * p + j];
        return sum;
    }
}
