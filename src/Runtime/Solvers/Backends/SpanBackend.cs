using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using OdeDsl.Runtime.Systems;

namespace OdeDsl.Runtime.Solvers.Backends;

/// <summary>
/// The CPU backend: every register is a slice of one preallocated array, so a step allocates
/// nothing. Arithmetic runs in <typeparamref name="T"/>; error norms accumulate in double.
/// </summary>
[SkipLocalsInit]
internal sealed class SpanBackend<T> : IStepBackend where T : unmanaged, IFloatingPointIeee754<T>
{
    private const int StateRegisterCount = 4;

    private readonly IOdeKernel<T> _kernel;
    private readonly T[] _parameters;
    private readonly double[] _rtol;
    private readonly double[] _atol;
    private readonly T[] _states;
    private readonly int[] _stateOffsets;
    private readonly T[] _stages;
    private readonly int[] _stageOffsets;
    private readonly T[] _saved;
    private readonly int _size;

    // Only for wide batches (see SumScaledSquaresWide): tolerances expanded to [B, n] and a scratch row.
    private readonly T[]? _atolWide;
    private readonly T[]? _rtolWide;
    private readonly T[]? _squares;

    /// <summary>Entries from which the SIMD error norm pays off.</summary>
    private const int WideBatchSize = 64;

    public SpanBackend(IOdeKernel<T> kernel, ReadOnlySpan<T> initialStates, ReadOnlySpan<T> parameters, int stateCount,
        int stageCount, Tolerance rtol, Tolerance atol, int saveCount)
    {
        _kernel = kernel;
        StateCount = stateCount;
        Trajectories = initialStates.Length / stateCount;
        _size = initialStates.Length;
        _parameters = parameters.ToArray();
        _rtol = new double[stateCount];
        _atol = new double[stateCount];
        for (var i = 0; i < stateCount; i++)
        {
            _rtol[i] = rtol.For(i);
            _atol[i] = atol.For(i);
        }
        _states = new T[StateRegisterCount * _size];
        _stateOffsets = [0, _size, 2 * _size, 3 * _size];
        _stages = new T[stageCount * _size];
        _stageOffsets = new int[stageCount];
        for (var k = 0; k < stageCount; k++)
            _stageOffsets[k] = k * _size;
        _saved = new T[saveCount * _size];
        if (Vector.IsHardwareAccelerated && _size >= WideBatchSize)
        {
            _atolWide = new T[_size];
            _rtolWide = new T[_size];
            _squares = new T[_size];
            for (var index = 0; index < _size; index++)
            {
                _atolWide[index] = T.CreateTruncating(_atol[index % stateCount]);
                _rtolWide[index] = T.CreateTruncating(_rtol[index % stateCount]);
            }
        }
        initialStates.CopyTo(State(StateRegister.Current));
    }

    public int Trajectories { get; }

    public int StateCount { get; }

    /// <summary><c>[saves, B, n]</c>: the solution's storage, handed over when the solve ends.</summary>
    public T[] Saved => _saved;

    public void Evaluate(double t, StateRegister input, int stage) =>
        _kernel.Derivative(T.CreateTruncating(t), State(input), _parameters, Stage(stage));

    public void Combine(StateRegister target, StateRegister origin, double h, ReadOnlySpan<double> weights,
        ReadOnlySpan<int> terms)
    {
        var destination = State(target);
        ReadOnlySpan<T> source = State(origin);
        ref var stagesStart = ref MemoryMarshal.GetArrayDataReference(_stages);
        var i = 0;
        // Wide batches go through SIMD registers, with the factors and offsets gathered once.
        if (Vector.IsHardwareAccelerated && destination.Length >= Vector<T>.Count)
        {
            Span<T> factors = stackalloc T[terms.Length];
            Span<int> offsets = stackalloc int[terms.Length];
            for (var term = 0; term < terms.Length; term++)
            {
                factors[term] = T.CreateTruncating(h * weights[terms[term]]);
                offsets[term] = _stageOffsets[terms[term]];
            }
            ReadOnlySpan<T> stages = _stages;
            for (; i <= destination.Length - Vector<T>.Count; i += Vector<T>.Count)
            {
                var sum = new Vector<T>(source[i..]);
                for (var term = 0; term < factors.Length; term++)
                    sum += new Vector<T>(stages[(offsets[term] + i)..]) * factors[term];
                sum.CopyTo(destination[i..]);
            }
        }
        // The tail, and all of a small system: straight from the weights, without bounds checks.
        for (; i < destination.Length; i++)
        {
            var sum = source[i];
            foreach (var j in terms)
                sum += T.CreateTruncating(h * weights[j]) * Unsafe.Add(ref stagesStart, _stageOffsets[j] + i);
            destination[i] = sum;
        }
    }

    /// <summary>Nothing to do: combinations read only the stages their weights use.</summary>
    public void DiscardStagesAfterFirst()
    {
    }

    public void Copy(StateRegister target, StateRegister source) => State(source).CopyTo(State(target));

    public void SumScaledSquares(double h, ReadOnlySpan<double> weights, ReadOnlySpan<int> terms,
        Span<double> perTrajectory)
    {
        Span<double> factors = stackalloc double[terms.Length];
        Span<int> offsets = stackalloc int[terms.Length];
        for (var term = 0; term < terms.Length; term++)
        {
            factors[term] = h * weights[terms[term]];
            offsets[term] = _stageOffsets[terms[term]];
        }
        if (_squares is not null)
        {
            SumScaledSquaresWide(factors, offsets, perTrajectory);
            return;
        }
        ReadOnlySpan<T> stages = _stages;

        var current = State(StateRegister.Current);
        var candidate = State(StateRegister.Candidate);
        var n = StateCount;
        for (var b = 0; b < Trajectories; b++)
        {
            var sum = 0.0;
            for (var i = 0; i < n; i++)
            {
                var index = b * n + i;
                var error = 0.0;
                for (var term = 0; term < factors.Length; term++)
                    error += factors[term] * double.CreateTruncating(stages[offsets[term] + index]);
                var scaled = error / Scale(current, candidate, index, i);
                sum += scaled * scaled;
            }
            perTrajectory[b] = sum;
        }
    }

    /// <summary>
    /// The same sums for wide batches: SIMD over all <c>B·n</c> entries into a scratch row of squared
    /// scaled errors, then a per-trajectory sum (entries of a vector belong to different trajectories).
    /// Element for element it is the scalar formula, so double results do not change.
    /// </summary>
    private void SumScaledSquaresWide(ReadOnlySpan<double> factors, ReadOnlySpan<int> offsets, Span<double> perTrajectory)
    {
        Span<T> typedFactors = stackalloc T[factors.Length];
        for (var term = 0; term < factors.Length; term++)
            typedFactors[term] = T.CreateTruncating(factors[term]);
        ReadOnlySpan<T> stages = _stages;
        ReadOnlySpan<T> current = State(StateRegister.Current);
        ReadOnlySpan<T> candidate = State(StateRegister.Candidate);
        ReadOnlySpan<T> atol = _atolWide;
        ReadOnlySpan<T> rtol = _rtolWide;
        var squares = _squares.AsSpan();
        var width = Vector<T>.Count;
        var i = 0;
        for (; i <= _size - width; i += width)
        {
            var error = Vector<T>.Zero;
            for (var term = 0; term < typedFactors.Length; term++)
                error += new Vector<T>(stages[(offsets[term] + i)..]) * typedFactors[term];
            var magnitude = Vector.Max(Vector.Abs(new Vector<T>(current[i..])), Vector.Abs(new Vector<T>(candidate[i..])));
            var scaled = error / (new Vector<T>(atol[i..]) + new Vector<T>(rtol[i..]) * magnitude);
            (scaled * scaled).CopyTo(squares[i..]);
        }
        for (; i < _size; i++)
        {
            var error = T.Zero;
            for (var term = 0; term < typedFactors.Length; term++)
                error += typedFactors[term] * stages[offsets[term] + i];
            var scaled = error / (atol[i] + rtol[i] * T.Max(T.Abs(current[i]), T.Abs(candidate[i])));
            squares[i] = scaled * scaled;
        }
        var n = StateCount;
        for (var b = 0; b < Trajectories; b++)
        {
            var sum = 0.0;
            for (var k = b * n; k < (b + 1) * n; k++)
                sum += double.CreateTruncating(squares[k]);
            perTrajectory[b] = sum;
        }
    }

    public void SumScaledSquares(StateRegister register, Span<double> perTrajectory)
    {
        var values = State(register);
        var current = State(StateRegister.Current);
        var candidate = State(StateRegister.Candidate);
        var n = StateCount;
        for (var b = 0; b < Trajectories; b++)
        {
            var sum = 0.0;
            for (var i = 0; i < n; i++)
            {
                var index = b * n + i;
                var scaled = double.CreateTruncating(values[index]) / Scale(current, candidate, index, i);
                sum += scaled * scaled;
            }
            perTrajectory[b] = sum;
        }
    }

    public bool TryFindNonFinite(StateRegister register, out int trajectory, out int component) =>
        TryFindNonFinite(State(register), out trajectory, out component);

    public bool TryFindNonFiniteStage(int stage, out int trajectory, out int component) =>
        TryFindNonFinite(Stage(stage), out trajectory, out component);

    public void Swap(StateRegister first, StateRegister second) =>
        (_stateOffsets[(int)first], _stateOffsets[(int)second]) = (_stateOffsets[(int)second], _stateOffsets[(int)first]);

    public void SwapStages(int first, int second) =>
        (_stageOffsets[first], _stageOffsets[second]) = (_stageOffsets[second], _stageOffsets[first]);

    public void Save(int index, StateRegister source) => State(source).CopyTo(_saved.AsSpan(index * _size, _size));

    /// <summary>A state register's <c>[B, n]</c> values, for step observers and for restarting a solve from new values.</summary>
    public Span<T> State(StateRegister register) => _states.AsSpan(_stateOffsets[(int)register], _size);

    /// <summary>A stage register's <c>[B, n]</c> values (logical numbering, after swaps).</summary>
    public Span<T> Stage(int stage) => _stages.AsSpan(_stageOffsets[stage], _size);

    private double Scale(Span<T> current, Span<T> candidate, int index, int component)
    {
        var magnitude = Math.Max(Math.Abs(double.CreateTruncating(current[index])),
            Math.Abs(double.CreateTruncating(candidate[index])));
        return _atol[component] + _rtol[component] * magnitude;
    }

    private bool TryFindNonFinite(Span<T> values, out int trajectory, out int component)
    {
        for (var index = 0; index < values.Length; index++)
        {
            if (!T.IsFinite(values[index]))
            {
                trajectory = index / StateCount;
                component = index % StateCount;
                return true;
            }
        }
        trajectory = component = -1;
        return false;
    }
}
