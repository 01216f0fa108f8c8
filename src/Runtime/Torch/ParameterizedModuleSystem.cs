using OdeDsl.Runtime.Systems;
using static TorchSharp.torch;

namespace OdeDsl.Runtime.Torch;

/// <summary>
/// The module's dynamics as a system whose θ is the module's flattened parameters, for the runtime's gradient
/// methods: the kernels read the module's own parameters (which hold θ's values) and the VJP comes from autograd.
/// </summary>
internal sealed class ParameterizedModuleSystem(ModuleTensorKernel kernel, int stateCount)
    : ModuleSystem(stateCount, kernel.ParameterCount), ITensorKernel
{
    public override Tensor Derivative(Tensor t, Tensor states, Tensor parameters) => kernel.Derivative(t, states, parameters);

    public (Tensor State, Tensor Parameters, Tensor Time) Vjp(Tensor t, Tensor states, Tensor parameters, Tensor cotangent) =>
        kernel.Vjp(t, states, parameters, cotangent);
}
