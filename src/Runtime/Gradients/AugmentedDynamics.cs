using OdeDsl.Runtime.Systems;

namespace OdeDsl.Runtime.Gradients;

/// <summary>
/// The augmented dynamics of Algorithm 2 of Chen et al. (2018) as a kernel the integration loop can run: per
/// trajectory the state is <c>[z (n), a (n), a_θ (p), a_t (1)]</c> and its derivative
/// <c>[f, −aᵀ∂f/∂z, −aᵀ∂f/∂θ, −aᵀ∂f/∂t]</c>, from one forward and one VJP call of the system's kernel on the batch.
/// </summary>
internal sealed class AugmentedDynamics : IOdeKernel<double>
{
    private readonly IOdeKernel<double> _system;
    private readonly int _n;
    private readonly int _p;
    private readonly double[] _z;
    private readonly double[] _a;
    private readonly double[] _f;
    private readonly double[] _stateCotangent;
    private readonly double[] _parameterCotangent;
    private readonly double[] _timeCotangent;

    public AugmentedDynamics(IOdeKernel<double> system, int stateCount, int parameterCount, int trajectories)
    {
        _system = system;
        _n = stateCount;
        _p = parameterCount;
        Width = 2 * stateCount + parameterCount + 1;
        _z = new double[trajectories * stateCount];
        _a = new double[trajectories * stateCount];
        _f = new double[trajectories * stateCount];
        _stateCotangent = new double[trajectories * stateCount];
        _parameterCotangent = new double[trajectories * parameterCount];
        _timeCotangent = new double[trajectories];
    }

    /// <summary>Values per trajectory: <c>2n + p + 1</c>.</summary>
    public int Width { get; }

    public void Derivative(double t, ReadOnlySpan<double> states, ReadOnlySpan<double> parameters, Span<double> derivatives)
    {
        var trajectories = _timeCotangent.Length;
        for (var b = 0; b < trajectories; b++)
        {
            states.Slice(b * Width, _n).CopyTo(_z.AsSpan(b * _n, _n));
            states.Slice(b * Width + _n, _n).CopyTo(_a.AsSpan(b * _n, _n));
        }
        _system.Derivative(t, _z, parameters, _f);
        _system.Vjp(t, _z, parameters, _a, _stateCotangent, _parameterCotangent, _timeCotangent);
        for (var b = 0; b < trajectories; b++)
        {
            var row = derivatives.Slice(b * Width, Width);
            _f.AsSpan(b * _n, _n).CopyTo(row);
            for (var i = 0; i < _n; i++)
                row[_n + i] = -_stateCotangent[b * _n + i];
            for (var j = 0; j < _p; j++)
                row[2 * _n + j] = -_parameterCotangent[b * _p + j];
            row[Width - 1] = -_timeCotangent[b];
        }
    }
}
