using static TorchSharp.torch;

namespace OdeDsl.Runtime.Torch;

/// <summary>The module's dynamics <c>f(t, z)</c> on <c>[B, n]</c> states, for the forward solve.</summary>
internal sealed class ForwardModuleSystem(ModuleTensorKernel kernel, int stateCount) : ModuleSystem(stateCount)
{
    public override Tensor Derivative(Tensor t, Tensor states, Tensor parameters) => kernel.Derivative(t, states, parameters);
}
