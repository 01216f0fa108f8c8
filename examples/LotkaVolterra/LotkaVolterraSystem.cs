using OdeDsl.Runtime.Systems;
using TorchSharp;
using static TorchSharp.torch;

namespace OdeDsl.Examples.LotkaVolterra;

/// <summary>
/// Lotka–Volterra predator–prey dynamics, written by hand the way the generator will emit
/// <c>lotka.ode</c>: <c>x' = a·x − b·x·y</c>, <c>y' = −c·y + d·x·y</c> with prey <c>x</c> and predators <c>y</c>.
/// </summary>
public sealed class LotkaVolterraSystem : IOdeSystem
{
    public string Name => "LotkaVolterra";

    public IReadOnlyList<string> StateNames { get; } = ["x", "y"];

    public IReadOnlyList<string> ParameterNames { get; } = ["a", "b", "c", "d"];

    public void GetDefaultParameters(Span<double> parameters)
    {
        parameters[0] = 1.5;
        parameters[1] = 1;
        parameters[2] = 3;
        parameters[3] = 1;
    }

    public void GetInitialState(ReadOnlySpan<double> parameters, Span<double> state)
    {
        state[0] = 1;
        state[1] = 1;
    }

    public void Derivative(double t, ReadOnlySpan<double> states, ReadOnlySpan<double> parameters, Span<double> derivatives)
    {
        double a = parameters[0], b = parameters[1], c = parameters[2], d = parameters[3];
        for (var i = 0; i + 1 < states.Length; i += 2)
        {
            double x = states[i], y = states[i + 1];
            var xy = x * y;
            derivatives[i] = a * x - b * xy;
            derivatives[i + 1] = -c * y + d * xy;
        }
    }

    public void Derivative(float t, ReadOnlySpan<float> states, ReadOnlySpan<float> parameters, Span<float> derivatives)
    {
        float a = parameters[0], b = parameters[1], c = parameters[2], d = parameters[3];
        for (var i = 0; i + 1 < states.Length; i += 2)
        {
            float x = states[i], y = states[i + 1];
            var xy = x * y;
            derivatives[i] = a * x - b * xy;
            derivatives[i + 1] = -c * y + d * xy;
        }
    }

    public Tensor Derivative(Tensor t, Tensor states, Tensor parameters)
    {
        using var scope = NewDisposeScope();
        var x = states[TensorIndex.Colon, 0];
        var y = states[TensorIndex.Colon, 1];
        var xy = x * y;
        var dx = parameters[0] * x - parameters[1] * xy;
        var dy = -parameters[2] * y + parameters[3] * xy;
        return stack([dx, dy], dim: 1).MoveToOuterDisposeScope();
    }
}
