using System.Numerics;
using TorchSharp;

namespace OdeDsl.Runtime.Tests.Systems;

/// <summary><c>y' = A·y</c> with <c>A</c> (row-major <c>[n, n]</c>) as the parameter vector.</summary>
public sealed class LinearSystem(double[,] matrix, double[] initialState) : TestSystem
{
    private readonly int _n = initialState.Length;

    public override string Name => "Linear";

    public override IReadOnlyList<string> StateNames => [.. Enumerable.Range(0, _n).Select(i => $"y[{i}]")];

    public override IReadOnlyList<string> ParameterNames =>
        [.. Enumerable.Range(0, _n * _n).Select(k => $"A[{k / _n},{k % _n}]")];

    public double[] InitialState => initialState;

    public double[] Parameters => [.. matrix.Cast<double>()];

    /// <summary><c>y' = −k·y</c>.</summary>
    public static LinearSystem ExponentialDecay(double k, double y0) => new(new[,] { { -k } }, [y0]);

    /// <summary><c>x'' = −ω²x</c> as <c>(x, v)</c>.</summary>
    public static LinearSystem HarmonicOscillator(double omega, double x0, double v0) =>
        new(new[,] { { 0, 1 }, { -omega * omega, 0 } }, [x0, v0]);

    public override void GetDefaultParameters(Span<double> parameters) => Parameters.CopyTo(parameters);

    public override void GetInitialState(ReadOnlySpan<double> parameters, Span<double> state) =>
        initialState.CopyTo(state);

    protected override void Evaluate<T>(T t, ReadOnlySpan<T> state, ReadOnlySpan<T> parameters, Span<T> derivative)
    {
        for (var i = 0; i < _n; i++)
        {
            var sum = T.Zero;
            for (var j = 0; j < _n; j++)
                sum += parameters[i * _n + j] * state[j];
            derivative[i] = sum;
        }
    }

    protected override torch.Tensor EvaluateBatch(torch.Tensor t, torch.Tensor states, torch.Tensor parameters) =>
        states.matmul(parameters.reshape(_n, _n).t());
}
