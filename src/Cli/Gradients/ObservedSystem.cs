using System.Numerics;
using OdeDsl.Runtime.Systems;
using TorchSharp;

namespace OdeDsl.Cli.Gradients;

/// <summary>
/// A compiled system seen through both of its interfaces at once, for runtime APIs that need
/// <see cref="IOdeSystem"/> and <see cref="IOdeOutputs"/> together (the compiled type is only known at run time).
/// </summary>
internal sealed class ObservedSystem(IOdeSystem system, IOdeOutputs outputs) : IOdeSystem, IOdeOutputs
{
    public string Name => system.Name;
    public IReadOnlyList<string> StateNames => system.StateNames;
    public IReadOnlyList<string> ParameterNames => system.ParameterNames;
    public IReadOnlyList<string> InputNames => system.InputNames;
    public IReadOnlyList<string> OutputNames => outputs.OutputNames;
    public IReadOnlyList<OdeOutputKind> OutputKinds => outputs.OutputKinds;

    public void GetDefaultParameters(Span<double> parameters) => system.GetDefaultParameters(parameters);
    public void GetInitialState(ReadOnlySpan<double> parameters, Span<double> state) => system.GetInitialState(parameters, state);

    public void Derivative(double t, ReadOnlySpan<double> states, ReadOnlySpan<double> parameters, Span<double> derivatives) =>
        ((IOdeKernel<double>)system).Derivative(t, states, parameters, derivatives);
    public void Vjp(double t, ReadOnlySpan<double> states, ReadOnlySpan<double> parameters, ReadOnlySpan<double> cotangent,
        Span<double> stateCotangent, Span<double> parameterCotangent, Span<double> timeCotangent) =>
        ((IOdeKernel<double>)system).Vjp(t, states, parameters, cotangent, stateCotangent, parameterCotangent, timeCotangent);
    public void Jacobian(double t, ReadOnlySpan<double> states, ReadOnlySpan<double> parameters, Span<double> jacobian) =>
        ((IOdeKernel<double>)system).Jacobian(t, states, parameters, jacobian);

    public void Derivative(float t, ReadOnlySpan<float> states, ReadOnlySpan<float> parameters, Span<float> derivatives) =>
        ((IOdeKernel<float>)system).Derivative(t, states, parameters, derivatives);
    public void Vjp(float t, ReadOnlySpan<float> states, ReadOnlySpan<float> parameters, ReadOnlySpan<float> cotangent,
        Span<float> stateCotangent, Span<float> parameterCotangent, Span<float> timeCotangent) =>
        ((IOdeKernel<float>)system).Vjp(t, states, parameters, cotangent, stateCotangent, parameterCotangent, timeCotangent);
    public void Jacobian(float t, ReadOnlySpan<float> states, ReadOnlySpan<float> parameters, Span<float> jacobian) =>
        ((IOdeKernel<float>)system).Jacobian(t, states, parameters, jacobian);

    public torch.Tensor Derivative(torch.Tensor t, torch.Tensor states, torch.Tensor parameters) => system.Derivative(t, states, parameters);
    public (torch.Tensor State, torch.Tensor Parameters, torch.Tensor Time) Vjp(torch.Tensor t, torch.Tensor states, torch.Tensor parameters, torch.Tensor cotangent) =>
        system.Vjp(t, states, parameters, cotangent);
    public torch.Tensor Jacobian(torch.Tensor t, torch.Tensor states, torch.Tensor parameters) => system.Jacobian(t, states, parameters);

    public void Outputs(double t, ReadOnlySpan<double> states, ReadOnlySpan<double> parameters, Span<double> values) =>
        outputs.Outputs(t, states, parameters, values);
    public void OutputVjp(double t, ReadOnlySpan<double> states, ReadOnlySpan<double> parameters, ReadOnlySpan<double> cotangent,
        Span<double> stateCotangent, Span<double> parameterCotangent, Span<double> timeCotangent) =>
        outputs.OutputVjp(t, states, parameters, cotangent, stateCotangent, parameterCotangent, timeCotangent);

    public torch.Tensor Outputs(torch.Tensor t, torch.Tensor states, torch.Tensor parameters) => outputs.Outputs(t, states, parameters);
    public (torch.Tensor State, torch.Tensor Parameters, torch.Tensor Time) OutputVjp(torch.Tensor t, torch.Tensor states, torch.Tensor parameters, torch.Tensor cotangent) =>
        outputs.OutputVjp(t, states, parameters, cotangent);
}
