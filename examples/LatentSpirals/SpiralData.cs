using OdeDsl.Runtime.Data;

namespace OdeDsl.Examples;

/// <summary>One spiral window: its noiseless path on the whole grid and what was observed of it.</summary>
internal sealed record SpiralSample(bool Clockwise, double[][] Truth, ObservedTrajectory Observed, bool[] Seen);

/// <summary>
/// Chen et al.'s latent_ode.py data set (generate_spiral2d with start 0, stop 6π, a = 0, b = 0.3, noise σ = 0.3):
/// clockwise spirals <c>r = 15/(6π + 1 − t)</c> around (−5, 0) and counter-clockwise ones <c>r = 0.3 t</c> around (5, 0),
/// 500 grid points, each sample a 100-point window from a random start. Unlike the original every window is seen
/// irregularly: in its first <see cref="ObservedCount"/> grid times each point is kept with probability ½ and each kept
/// coordinate goes missing with probability 0.1; the last 50 grid times are left for extrapolation.
/// </summary>
internal static class SpiralData
{
    public const int GridCount = 100;

    public const int ObservedCount = 50;

    public const double NoiseScale = 0.3;

    private const int TotalCount = 500;

    private static readonly double Stop = 6 * Math.PI;

    private static readonly double Step = Stop / (TotalCount - 1);

    /// <summary>The window's grid times, starting at 0.</summary>
    public static double[] GridTimes { get; } = [.. Enumerable.Range(0, GridCount).Select(i => i * Step)];

    public static List<SpiralSample> Generate(int count, Random random)
    {
        var samples = new List<SpiralSample>();
        for (var s = 0; s < count; s++)
        {
            var start = GridCount + random.Next(TotalCount - 2 * GridCount);
            var clockwise = random.NextDouble() <= 0.5;
            var truth = Enumerable.Range(start, GridCount).Select(i => Point(clockwise, i * Step)).ToArray();
            var seen = new bool[ObservedCount];
            var times = new List<double>();
            var values = new List<double>();
            for (var i = 0; i < ObservedCount; i++)
            {
                if (random.NextDouble() >= 0.5) continue;
                var x = random.NextDouble() < 0.1 ? double.NaN : truth[i][0] + NoiseScale * Normal(random);
                var y = random.NextDouble() < 0.1 ? double.NaN : truth[i][1] + NoiseScale * Normal(random);
                if (double.IsNaN(x) && double.IsNaN(y)) continue;
                seen[i] = true;
                times.Add(GridTimes[i]);
                values.Add(x);
                values.Add(y);
            }
            samples.Add(new SpiralSample(clockwise, truth, new ObservedTrajectory($"spiral {s}", [.. times], [.. values], 2), seen));
        }
        return samples;
    }

    private static double[] Point(bool clockwise, double t)
    {
        if (clockwise)
        {
            var z = Stop + 1 - t;
            var r = 0.3 * 50 / z;
            return [r * Math.Cos(z) - 5, r * Math.Sin(z)];
        }
        return [0.3 * t * Math.Cos(t) + 5, 0.3 * t * Math.Sin(t)];
    }

    /// <summary>A standard normal draw (Box–Muller), so the data depend on the seed only.</summary>
    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
