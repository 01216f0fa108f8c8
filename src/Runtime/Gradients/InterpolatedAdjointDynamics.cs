using OdeDsl.Runtime.Systems;

namespace OdeDsl.Runtime.Gradients;

/// <summary>
/// The adjoint dynamics of the checkpointed method: per trajectory <c>[a (n), a_θ (p), a_t (1)]</c> with derivative
/// <c>[−aᵀ∂f/∂z, −aᵀ∂f/∂θ, −aᵀ∂f/∂t]</c>, where <c>z(t)</c> is the dense output of a re-solved forward segment
/// instead of a backwards solve of <c>z</c>.
/// </summary>
internal sealed class InterpolatedAdjointDynamics : IOdeKernel<double>
{
    private readonly IOdeKernel<double> _system;
    private readonly int _n;
    private readonly int _p;
    private readonly double[] _z;
    private readonly double[] _a;
    private readonly double[] _stateCotangent;
    private readonly double[] _parameterCotangent;
    private readonly double[] _timeCotangent;

    public InterpolatedAdjointDynamics(IOdeKernel<double> system, int stateCount, int parameterCount, int trajectories)
    {
        _system = system;
        _n = stateCount;
        _p = parameterCount;
        Width = stateCount + parameterCount + 1;
        _z = new double[trajectories * stateCount];
        _a = new double[trajectories * stateCount];
        _stateCotangent = new double[trajectories * stateCount];
        _parameterCotangent = new double[trajectories * parameterCount];
        _timeCotangent = new double[trajectories];
    }

    /// <summary>Values per trajectory: <c>n + p + 1</c>.</summary>
    public int Width { get; }

    /// <summary>The recorded forward segment that supplies <c>z(t)</c>.</summary>
    public ISegmentInterpolant? Segment { get; set; }

    public void Derivative(double t, ReadOnlySpan<double> states, ReadOnlySpan<double> parameters, Span<double> derivatives)
    {
        Segment!.Interpolate(t, _z);
        var trajectories = _timeCotangent.Length;
        for (var b = 0; b < trajectories; b++)
            states.Slice(b * Width, _n).CopyTo(_a.AsSpan(b * _n, _n));
        _system.Vjp(t, _z, parameters, _a, _stateCotangent, _parameterCotangent, _timeCotangent);
        for (var b = 0; b < trajectories; b++)
        {
            var row = derivatives.Slice(b * Width, Width);
            for (var i = 0; i < _n; i++)
                row[i] = -_stateCotangent[b * _n + i];
            for (var j = 0; j < _p; j++)
                row[_n + j] = -_parameterCotangent[b * _p + j];
            row[Width - 1] = -_timeCotangent[b];
        }
    }
}
