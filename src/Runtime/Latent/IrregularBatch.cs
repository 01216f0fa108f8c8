using OdeDsl.Runtime.Data;
using OdeDsl.Runtime.Torch;
using static TorchSharp.torch;

namespace OdeDsl.Runtime.Latent;

/// <summary>
/// Trajectories sampled at different times, laid out on the union of their times so that one solve and one
/// recurrent pass serve them all (Rubanova et al. 2019, §4). Row <c>k</c> of every tensor is union time
/// <c>Times[k]</c>; a trajectory that was not seen there, or misses a quantity there, is masked out.
/// </summary>
public sealed class IrregularBatch
{
    private IrregularBatch(double start, IReadOnlyList<double> times, Tensor values, Tensor mask, Tensor gaps)
    {
        Start = start;
        Times = times;
        Values = values;
        Mask = mask;
        Observed = mask.any(2);
        Gaps = gaps;
    }

    /// <summary>The time of the initial latent state; no observation is earlier.</summary>
    public double Start { get; }

    /// <summary>The union of the trajectories' times, strictly increasing.</summary>
    public IReadOnlyList<double> Times { get; }

    /// <summary><c>[K, B, m]</c> float64; zero where <see cref="Mask"/> is 0.</summary>
    public Tensor Values { get; }

    /// <summary><c>[K, B, m]</c> float64: 1 where the trajectory has that quantity at that time, else 0.</summary>
    public Tensor Mask { get; }

    /// <summary><c>[K, B]</c> bool: whether the trajectory has any quantity at that time.</summary>
    public Tensor Observed { get; }

    /// <summary>
    /// <c>[K, B]</c> float64: where observed, the time since the trajectory's previous observation (since
    /// <see cref="Start"/> for its first); 0 elsewhere. The gaps are the trajectory's own, whatever the union holds.
    /// </summary>
    public Tensor Gaps { get; }

    public int TrajectoryCount => (int)Values.shape[1];

    public int QuantityCount => (int)Values.shape[2];

    /// <exception cref="ArgumentException">No trajectories, none with a time, quantity counts that differ, or a time before <paramref name="start"/>.</exception>
    public static IrregularBatch Create(IReadOnlyList<ObservedTrajectory> trajectories, double start)
    {
        if (trajectories.Count == 0)
            throw new ArgumentException("a batch needs at least one trajectory", nameof(trajectories));
        var m = trajectories[0].ObservedCount;
        foreach (var trajectory in trajectories)
        {
            if (trajectory.ObservedCount != m)
                throw new ArgumentException($"trajectory '{trajectory.Id}' has {trajectory.ObservedCount} quantities, the first has {m}", nameof(trajectories));
            if (trajectory.Times.Count > 0 && trajectory.Times[0] < start)
                throw new ArgumentException($"trajectory '{trajectory.Id}' is observed at t={trajectory.Times[0]}, before the start t={start}", nameof(trajectories));
        }

        var times = trajectories.SelectMany(t => t.Times).Distinct().Order().ToArray();
        if (times.Length == 0)
            throw new ArgumentException(
                $"none of the batch's trajectories ({string.Join(", ", trajectories.Select(t => $"'{t.Id}'"))}) has an observation time",
                nameof(trajectories));
        var row = times.Select((t, k) => (t, k)).ToDictionary(p => p.t, p => p.k);
        var (count, batch) = (times.Length, trajectories.Count);
        var values = new double[count * batch * m];
        var mask = new double[count * batch * m];
        var gaps = new double[count * batch];
        for (var b = 0; b < batch; b++)
        {
            var trajectory = trajectories[b];
            var previous = start;
            for (var i = 0; i < trajectory.Times.Count; i++)
            {
                var k = row[trajectory.Times[i]];
                var seen = false;
                for (var q = 0; q < m; q++)
                {
                    var value = trajectory.Value(i, q);
                    if (double.IsNaN(value)) continue;
                    values[(k * batch + b) * m + q] = value;
                    mask[(k * batch + b) * m + q] = 1;
                    seen = true;
                }
                if (!seen) continue;
                gaps[k * batch + b] = trajectory.Times[i] - previous;
                previous = trajectory.Times[i];
            }
        }
        return new IrregularBatch(start, times,
            tensor(values, ScalarType.Float64).view(count, batch, m),
            tensor(mask, ScalarType.Float64).view(count, batch, m),
            tensor(gaps, ScalarType.Float64).view(count, batch));
    }

    /// <summary>The same batch with other values (same times and mask), e.g. to check that masked cells are ignored.</summary>
    /// <exception cref="ArgumentException">Values of another shape than <see cref="Values"/>.</exception>
    public IrregularBatch WithValues(Tensor values) =>
        values.shape.SequenceEqual(Values.shape)
            ? new(Start, Times, values, Mask, Gaps)
            : throw new ArgumentException(
                $"the values must be {TensorShape.Format(Values)} like the batch's, not {TensorShape.Format(values)}", nameof(values));
}
