using OdeDsl.Runtime.Systems;
using TorchSharp;

namespace OdeDsl.Runtime.Tests.Gradients;

/// <summary>
/// Robertson's reactions with log-parametrised rate constants <c>k = exp(θ)</c>: A → B (k1), B + C → A + C (k2),
/// 2B → B + C (k3). Hand-written derivative, exact Jacobian and VJP (as the generator would emit them).
/// </summary>
internal sealed class LogRobertsonSystem : IOdeSystem
{
    public static readonly double[] TrueParameters = [Math.Log(0.04), Math.Log(1e4), Math.Log(3e7)];

    public string Name => "log-Robertson";

    public IReadOnlyList<string> StateNames { get; } = ["y1", "y2", "y3"];

    public IReadOnlyList<string> ParameterNames { get; } = ["log_k1", "log_k2", "log_k3"];

    public void GetDefaultParameters(Span<double> parameters) => TrueParameters.CopyTo(parameters);

    public void GetInitialState(ReadOnlySpan<double> parameters, Span<double> state)
    {
        state[0] = 1;
        state[1] = 0;
        state[2] = 0;
    }

    public void Derivative(double t, ReadOnlySpan<double> states, ReadOnlySpan<double> parameters, Span<double> derivatives)
    {
        var (k1, k2, k3) = (Math.Exp(parameters[0]), Math.Exp(parameters[1]), Math.Exp(parameters[2]));
        for (var b = 0; b < states.Length / 3; b++)
        {
            var y = states.Slice(3 * b, 3);
            var dy = derivatives.Slice(3 * b, 3);
            dy[0] = -k1 * y[0] + k2 * y[1] * y[2];
            dy[2] = k3 * y[1] * y[1];
            dy[1] = -dy[0] - dy[2];
        }
    }

    public void Jacobian(double t, ReadOnlySpan<double> states, ReadOnlySpan<double> parameters, Span<double> jacobian)
    {
        var (k1, k2, k3) = (Math.Exp(parameters[0]), Math.Exp(parameters[1]), Math.Exp(parameters[2]));
        for (var b = 0; b < states.Length / 3; b++)
        {
            var y = states.Slice(3 * b, 3);
            var j = jacobian.Slice(9 * b, 9);
            j[0] = -k1;
            j[1] = k2 * y[2];
            j[2] = k2 * y[1];
            j[3] = k1;
            j[4] = -k2 * y[2] - 2 * k3 * y[1];
            j[5] = -k2 * y[1];
            j[6] = 0;
            j[7] = 2 * k3 * y[1];
            j[8] = 0;
        }
    }

    public void Vjp(double t, ReadOnlySpan<double> states, ReadOnlySpan<double> parameters, ReadOnlySpan<double> cotangent,
        Span<double> stateCotangent, Span<double> parameterCotangent, Span<double> timeCotangent)
    {
        var (k1, k2, k3) = (Math.Exp(parameters[0]), Math.Exp(parameters[1]), Math.Exp(parameters[2]));
        for (var b = 0; b < states.Length / 3; b++)
        {
            var y = states.Slice(3 * b, 3);
            var a = cotangent.Slice(3 * b, 3);
            stateCotangent[3 * b] = k1 * (a[1] - a[0]);
            stateCotangent[3 * b + 1] = k2 * y[2] * (a[0] - a[1]) + 2 * k3 * y[1] * (a[2] - a[1]);
            stateCotangent[3 * b + 2] = k2 * y[1] * (a[0] - a[1]);
            parameterCotangent[3 * b] = k1 * y[0] * (a[1] - a[0]);
            parameterCotangent[3 * b + 1] = k2 * y[1] * y[2] * (a[0] - a[1]);
            parameterCotangent[3 * b + 2] = k3 * y[1] * y[1] * (a[2] - a[1]);
            timeCotangent[b] = 0;
        }
    }

    public void Derivative(float t, ReadOnlySpan<float> states, ReadOnlySpan<float> parameters, Span<float> derivatives) =>
        throw new NotSupportedException("log-Robertson is double only");

    public torch.Tensor Derivative(torch.Tensor t, torch.Tensor states, torch.Tensor parameters) =>
        throw new NotSupportedException("log-Robertson has no tensor kernel");
}
