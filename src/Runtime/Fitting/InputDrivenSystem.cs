using System.Numerics;
using OdeDsl.Runtime.Data;
using OdeDsl.Runtime.Systems;
using TorchSharp;

namespace OdeDsl.Runtime.Fitting;

/// <summary>
/// A system seen with one trajectory's <c>input</c> values (<see cref="IOdeSystem.InputNames"/>) written into their
/// θ slots at every call: <c>u(t)</c> from <see cref="ObservedTrajectory.Input"/>, constant for a per-trajectory value
/// such as a dose, piecewise-linear in time for a covariate. Because the slot is overwritten, <c>dθ_slot</c> changes
/// nothing: the VJPs report 0 there and move its share into the time cotangent,
/// <c>aᵀ ∂f/∂t += (aᵀ ∂f/∂u) · du/dt</c> (exact between data rows; at a row time the slope is the right-sided one,
/// <see cref="ObservedTrajectory.InputSlope"/>). Every trajectory of a batch passed to it gets the same inputs.
/// The initial state is computed with the inputs at <c>t0</c>. Not thread-safe: it keeps one θ buffer per type.
/// Of the tensor backend it provides the derivative only; VJPs, Jacobians and outputs run on the span backend.
/// </summary>
public sealed class InputDrivenSystem : IOdeSystem, IOdeOutputs
{
    private readonly IOdeSystem _system;
    private readonly IOdeOutputs _outputs;
    private readonly ObservedTrajectory _trajectory;
    private readonly double _t0;
    private readonly int[] _slots;
    private readonly int[] _columns;
    private double[] _doubleParameters = [];
    private float[] _singleParameters = [];

    /// <param name="inputs">The table's input names (<see cref="ObservationTable.Inputs"/>), the order the trajectory stores them in.</param>
    /// <exception cref="DataError">The table does not give one of the model's inputs.</exception>
    public InputDrivenSystem(IOdeSystem system, IOdeOutputs outputs, string file, IReadOnlyList<string> inputs, ObservedTrajectory trajectory, double t0)
    {
        (_system, _outputs, _trajectory, _t0) = (system, outputs, trajectory, t0);
        var names = system.InputNames;
        _slots = new int[names.Count];
        _columns = new int[names.Count];
        for (var k = 0; k < names.Count; k++)
        {
            _slots[k] = IndexOf(system.ParameterNames, names[k]);
            if (_slots[k] < 0) throw new ArgumentException($"{system.Name} names input '{names[k]}' but has no θ entry of that name");
            _columns[k] = IndexOf(inputs, names[k]);
            if (_columns[k] < 0)
                throw new DataError(file, null, names[k],
                    $"the model's input '{names[k]}' is not read from the table; its inputs are {(inputs.Count == 0 ? "none" : string.Join(", ", inputs))}");
        }
    }

    /// <summary>One system per trajectory of <paramref name="table"/>, solved from <paramref name="t0"/>.</summary>
    /// <exception cref="DataError">The table does not give one of the model's inputs.</exception>
    public static IReadOnlyList<InputDrivenSystem> ForTable<TSystem>(TSystem system, ObservationTable table, double t0)
        where TSystem : IOdeSystem, IOdeOutputs =>
        [.. table.Trajectories.Select(trajectory => new InputDrivenSystem(system, system, table.File, table.Inputs, trajectory, t0))];

    public string Name => _system.Name;
    public IReadOnlyList<string> StateNames => _system.StateNames;
    public IReadOnlyList<string> ParameterNames => _system.ParameterNames;
    public IReadOnlyList<string> InputNames => _system.InputNames;
    public IReadOnlyList<string> OutputNames => _outputs.OutputNames;
    public IReadOnlyList<OdeOutputKind> OutputKinds => _outputs.OutputKinds;

    public void GetDefaultParameters(Span<double> parameters) => _system.GetDefaultParameters(parameters);

    public void GetInitialState(ReadOnlySpan<double> parameters, Span<double> state) =>
        _system.GetInitialState(WithInputs(_t0, parameters, ref _doubleParameters), state);

    public void Derivative(double t, ReadOnlySpan<double> states, ReadOnlySpan<double> parameters, Span<double> derivatives) =>
        ((IOdeKernel<double>)_system).Derivative(t, states, WithInputs(t, parameters, ref _doubleParameters), derivatives);

    public void Vjp(double t, ReadOnlySpan<double> states, ReadOnlySpan<double> parameters, ReadOnlySpan<double> cotangent,
        Span<double> stateCotangent, Span<double> parameterCotangent, Span<double> timeCotangent) =>
        KernelVjp(t, states, parameters, cotangent, stateCotangent, parameterCotangent, timeCotangent, ref _doubleParameters);

    public void Jacobian(double t, ReadOnlySpan<double> states, ReadOnlySpan<double> parameters, Span<double> jacobian) =>
        ((IOdeKernel<double>)_system).Jacobian(t, states, WithInputs(t, parameters, ref _doubleParameters), jacobian);

    public void Derivative(float t, ReadOnlySpan<float> states, ReadOnlySpan<float> parameters, Span<float> derivatives) =>
        ((IOdeKernel<float>)_system).Derivative(t, states, WithInputs(t, parameters, ref _singleParameters), derivatives);

    public void Vjp(float t, ReadOnlySpan<float> states, ReadOnlySpan<float> parameters, ReadOnlySpan<float> cotangent,
        Span<float> stateCotangent, Span<float> parameterCotangent, Span<float> timeCotangent) =>
        KernelVjp(t, states, parameters, cotangent, stateCotangent, parameterCotangent, timeCotangent, ref _singleParameters);

    public void Jacobian(float t, ReadOnlySpan<float> states, ReadOnlySpan<float> parameters, Span<float> jacobian) =>
        ((IOdeKernel<float>)_system).Jacobian(t, states, WithInputs(t, parameters, ref _singleParameters), jacobian);

    public torch.Tensor Derivative(torch.Tensor t, torch.Tensor states, torch.Tensor parameters)
    {
        using var scope = torch.NewDisposeScope();
        var time = t.to(torch.ScalarType.Float64).item<double>();
        var filled = parameters.clone();
        for (var k = 0; k < _slots.Length; k++) filled[_slots[k]] = torch.tensor(_trajectory.Input(_columns[k], time), filled.dtype, filled.device);
        return _system.Derivative(t, states, filled).MoveToOuterDisposeScope();
    }

    public void Outputs(double t, ReadOnlySpan<double> states, ReadOnlySpan<double> parameters, Span<double> outputs) =>
        _outputs.Outputs(t, states, WithInputs(t, parameters, ref _doubleParameters), outputs);

    public void OutputVjp(double t, ReadOnlySpan<double> states, ReadOnlySpan<double> parameters, ReadOnlySpan<double> cotangent,
        Span<double> stateCotangent, Span<double> parameterCotangent, Span<double> timeCotangent)
    {
        _outputs.OutputVjp(t, states, WithInputs(t, parameters, ref _doubleParameters), cotangent, stateCotangent, parameterCotangent, timeCotangent);
        MoveInputCotangents(t, parameters.Length, parameterCotangent, timeCotangent);
    }

    private void KernelVjp<T>(T t, ReadOnlySpan<T> states, ReadOnlySpan<T> parameters, ReadOnlySpan<T> cotangent,
        Span<T> stateCotangent, Span<T> parameterCotangent, Span<T> timeCotangent, ref T[] buffer)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ((IOdeKernel<T>)_system).Vjp(t, states, WithInputs(double.CreateChecked(t), parameters, ref buffer), cotangent,
            stateCotangent, parameterCotangent, timeCotangent);
        MoveInputCotangents(t, parameters.Length, parameterCotangent, timeCotangent);
    }

    /// <summary>θ with the inputs at <paramref name="t"/> in their slots (θ itself when the model has no inputs).</summary>
    private ReadOnlySpan<T> WithInputs<T>(double t, ReadOnlySpan<T> parameters, ref T[] buffer) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (_slots.Length == 0) return parameters;
        if (buffer.Length != parameters.Length) buffer = new T[parameters.Length];
        parameters.CopyTo(buffer);
        for (var k = 0; k < _slots.Length; k++) buffer[_slots[k]] = T.CreateChecked(_trajectory.Input(_columns[k], t));
        return buffer;
    }

    /// <summary>Per batch row: the time cotangent gains <c>(aᵀ ∂f/∂u) · du/dt</c>, and the slot's θ cotangent becomes 0.</summary>
    private void MoveInputCotangents<T>(T t, int parameterCount, Span<T> parameterCotangent, Span<T> timeCotangent)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (var b = 0; b < timeCotangent.Length; b++)
        {
            for (var k = 0; k < _slots.Length; k++)
            {
                ref var slot = ref parameterCotangent[b * parameterCount + _slots[k]];
                timeCotangent[b] += slot * T.CreateChecked(_trajectory.InputSlope(_columns[k], double.CreateChecked(t)));
                slot = T.Zero;
            }
        }
    }

    private static int IndexOf(IReadOnlyList<string> names, string name)
    {
        for (var i = 0; i < names.Count; i++)
            if (string.Equals(names[i], name, StringComparison.Ordinal)) return i;
        return -1;
    }
}
