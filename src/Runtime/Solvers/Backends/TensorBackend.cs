using OdeDsl.Runtime.Systems;
using TorchSharp;
using static TorchSharp.torch;

namespace OdeDsl.Runtime.Solvers.Backends;

/// <summary>
/// The TorchSharp backend: registers are <c>[B, n]</c> tensors on the device and in the dtype of the
/// initial states; the loop reads back one <c>[B]</c> vector of error sums per step.
/// </summary>
internal sealed class TensorBackend : IStepBackend, IDisposable
{
    private readonly ITensorKernel _kernel;
    private readonly Tensor _parameters;
    private readonly Tensor _rtol;
    private readonly Tensor _atol;
    private readonly Tensor[] _states;
    private readonly Tensor _stageBuffer;
    private readonly Tensor[] _stages;
    private readonly int[] _stageRows;
    private readonly Tensor?[] _saved;
    private readonly ScalarType _dtype;
    private readonly Device _device;

    public TensorBackend(ITensorKernel kernel, Tensor initialStates, Tensor parameters, int stageCount,
        Tolerance rtol, Tolerance atol, int saveCount)
    {
        _kernel = kernel;
        _dtype = initialStates.dtype;
        _device = initialStates.device;
        Trajectories = (int)initialStates.shape[0];
        StateCount = (int)initialStates.shape[1];
        using (NewDisposeScope())
        {
            _parameters = parameters.detach().to(_dtype, _device).contiguous().DetachFromDisposeScope();
            _states = [.. Enumerable.Range(0, 4).Select(_ => initialStates.detach().clone().DetachFromDisposeScope())];
        }
        _rtol = Expand(rtol);
        _atol = Expand(atol);
        // One [m, B·n] buffer, so a linear combination of stages is a single matrix product.
        _stageBuffer = zeros([stageCount, Trajectories * StateCount], _dtype, _device);
        using (NewDisposeScope())
            _stages = [.. Enumerable.Range(0, stageCount).Select(k => _stageBuffer[k].view(Trajectories, StateCount).DetachFromDisposeScope())];
        _stageRows = [.. Enumerable.Range(0, stageCount)];
        _saved = new Tensor?[saveCount];
    }

    public int Trajectories { get; }

    public int StateCount { get; }

    public void Evaluate(double t, StateRegister input, int stage)
    {
        using var scope = NewDisposeScope();
        var time = tensor(t, _dtype, _device);
        _stages[_stageRows[stage]].copy_(_kernel.Derivative(time, _states[(int)input], _parameters));
    }

    public void Combine(StateRegister target, StateRegister origin, double h, ReadOnlySpan<double> weights,
        ReadOnlySpan<int> terms)
    {
        using var scope = NewDisposeScope();
        var combined = addmm(_states[(int)origin].view(1, -1), WeightRow(h, weights), _stageBuffer, beta: 1, alpha: 1);
        _states[(int)target].view(1, -1).copy_(combined);
    }

    public void DiscardStagesAfterFirst()
    {
        for (var row = 0; row < _stages.Length; row++)
            if (row != _stageRows[0])
                _stages[row].zero_();
    }

    public void Copy(StateRegister target, StateRegister source) => _states[(int)target].copy_(_states[(int)source]);

    public void SumScaledSquares(double h, ReadOnlySpan<double> weights, ReadOnlySpan<int> terms,
        Span<double> perTrajectory)
    {
        using var scope = NewDisposeScope();
        var error = WeightRow(h, weights).matmul(_stageBuffer).view(Trajectories, StateCount);
        ReadSums(error, perTrajectory);
    }

    public void SumScaledSquares(StateRegister register, Span<double> perTrajectory)
    {
        using var scope = NewDisposeScope();
        ReadSums(_states[(int)register], perTrajectory);
    }

    public bool TryFindNonFinite(StateRegister register, out int trajectory, out int component) =>
        TryFindNonFinite(_states[(int)register], out trajectory, out component);

    public bool TryFindNonFiniteStage(int stage, out int trajectory, out int component) =>
        TryFindNonFinite(_stages[_stageRows[stage]], out trajectory, out component);

    public void Swap(StateRegister first, StateRegister second) =>
        (_states[(int)first], _states[(int)second]) = (_states[(int)second], _states[(int)first]);

    public void SwapStages(int first, int second) =>
        (_stageRows[first], _stageRows[second]) = (_stageRows[second], _stageRows[first]);

    public void Save(int index, StateRegister source) => _saved[index] = _states[(int)source].clone();

    /// <summary>The first <paramref name="count"/> save points as one <c>[count, B, n]</c> tensor; the caller owns it.</summary>
    public Tensor TakeSaved(int count)
    {
        if (count == 0)
            return empty([0, Trajectories, StateCount], _dtype, _device);
        var taken = stack(_saved[..count].Select(s => s!).ToArray());
        return taken;
    }

    public void Dispose()
    {
        foreach (var tensor in _states.Concat(_stages).Concat(_saved.OfType<Tensor>()))
            tensor.Dispose();
        _stageBuffer.Dispose();
        _parameters.Dispose();
        _rtol.Dispose();
        _atol.Dispose();
    }

    /// <summary>
    /// <c>h·weights</c> as a <c>[1, m]</c> row in buffer order: logical stage <c>j</c> lives in row
    /// <c>_stageRows[j]</c> after FSAL swaps.
    /// </summary>
    private Tensor WeightRow(double h, ReadOnlySpan<double> weights)
    {
        // h is folded in here, in double, so float64 solves keep full precision in h·w.
        var row = new double[_stageRows.Length];
        for (var j = 0; j < weights.Length; j++)
            row[_stageRows[j]] = h * weights[j];
        return tensor(row, [1, row.Length], _dtype, _device);
    }

    private Tensor Expand(Tolerance tolerance)
    {
        var values = Enumerable.Range(0, StateCount).Select(tolerance.For).ToArray();
        return tensor(values, _dtype, _device);
    }

    private void ReadSums(Tensor values, Span<double> perTrajectory)
    {
        var scale = _atol + _rtol * maximum(_states[(int)StateRegister.Current].abs(), _states[(int)StateRegister.Candidate].abs());
        var sums = (values / scale).square().sum(1).to(ScalarType.Float64).cpu();
        sums.data<double>().CopyTo(perTrajectory);
    }

    private bool TryFindNonFinite(Tensor values, out int trajectory, out int component)
    {
        using var scope = NewDisposeScope();
        var finite = isfinite(values);
        if (finite.all().item<bool>())
        {
            trajectory = component = -1;
            return false;
        }
        var first = finite.logical_not().nonzero()[0].cpu();
        trajectory = (int)first[0].item<long>();
        component = (int)first[1].item<long>();
        return true;
    }
}
