using System.Numerics;
using OdeDsl.Runtime.Systems;
using TorchSharp;

namespace OdeDsl.Runtime.Tests.Systems;

/// <summary>
/// <c>z' = −k z</c>, <c>z(0) = z0</c> with θ = [k, z0], so <c>z(t) = z0·e^{−kt}</c>; outputs
/// <c>observe y = z</c> (normal) and <c>observe w = 2z ~ lognormal</c>, after an <c>aux</c> output <c>a = z²</c>.
/// </summary>
public sealed class ObservedDecaySystem : TestSystem, IOdeOutputs, IOdeKernel<double>
{
    public override string Name => "ObservedDecay";

    public override IReadOnlyList<string> StateNames => ["z"];

    public override IReadOnlyList<string> ParameterNames => ["k", "z0"];

    public IReadOnlyList<string> OutputNames => ["a", "y", "w"];

    public IReadOnlyList<OdeOutputKind> OutputKinds => [OdeOutputKind.Aux, OdeOutputKind.Observation, OdeOutputKind.LogNormalObservation];

    public override void GetDefaultParameters(Span<double> parameters)
    {
        parameters[0] = 0.5;
        parameters[1] = 2;
    }

    public override void GetInitialState(ReadOnlySpan<double> parameters, Span<double> state) => state[0] = parameters[1];

    public static double Exact(double k, double z0, double t) => z0 * Math.Exp(-k * t);

    public void Outputs(double t, ReadOnlySpan<double> states, ReadOnlySpan<double> parameters, Span<double> outputs)
    {
        for (var b = 0; b < states.Length; b++)
        {
            outputs[3 * b] = states[b] * states[b];
            outputs[3 * b + 1] = states[b];
            outputs[3 * b + 2] = 2 * states[b];
        }
    }

    public void OutputVjp(double t, ReadOnlySpan<double> states, ReadOnlySpan<double> parameters, ReadOnlySpan<double> cotangent,
        Span<double> stateCotangent, Span<double> parameterCotangent, Span<double> timeCotangent)
    {
        for (var b = 0; b < states.Length; b++)
        {
            stateCotangent[b] = cotangent[3 * b] * 2 * states[b] + cotangent[3 * b + 1] + 2 * cotangent[3 * b + 2];
            parameterCotangent[2 * b] = 0;
            parameterCotangent[2 * b + 1] = 0;
            timeCotangent[b] = 0;
        }
    }

    void IOdeKernel<double>.Vjp(double t, ReadOnlySpan<double> states, ReadOnlySpan<double> parameters, ReadOnlySpan<double> cotangent,
        Span<double> stateCotangent, Span<double> parameterCotangent, Span<double> timeCotangent)
    {
        for (var b = 0; b < states.Length; b++)
        {
            stateCotangent[b] = -parameters[0] * cotangent[b];
            parameterCotangent[2 * b] = -states[b] * cotangent[b];
            parameterCotangent[2 * b + 1] = 0;
            timeCotangent[b] = 0;
        }
    }

    protected override void Evaluate<T>(T t, ReadOnlySpan<T> state, ReadOnlySpan<T> parameters, Span<T> derivative) =>
        derivative[0] = -parameters[0] * state[0];

    protected override torch.Tensor EvaluateBatch(torch.Tensor t, torch.Tensor states, torch.Tensor parameters) =>
        -parameters[0] * states;
}
