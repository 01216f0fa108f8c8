using static TorchSharp.torch;

namespace OdeDsl.Runtime.Torch;

/// <summary>
/// The augmented dynamics of Chen et al. (2018), Alg. 2, for a batch of <c>B</c> trajectories packed into one
/// row <c>[z (B·n), a (B·n), a_θ (p)]</c>: <c>dz/dt = f</c>, <c>da/dt = −aᵀ∂f/∂z</c>, <c>da_θ/dt = −aᵀ∂f/∂θ</c>.
/// One row, because the module's parameter VJP is a batch total; the batch then shares one step size.
/// </summary>
internal sealed class AdjointModuleSystem(ModuleTensorKernel kernel, int trajectories, int stateCount)
    : ModuleSystem(2 * trajectories * stateCount + kernel.ParameterCount)
{
    private readonly int _stateValues = trajectories * stateCount;

    public override Tensor Derivative(Tensor t, Tensor states, Tensor parameters)
    {
        using var scope = NewDisposeScope();
        var row = states[0];
        var z = row[..(int)_stateValues].view(trajectories, stateCount);
        var a = row[_stateValues..(2 * _stateValues)].view(trajectories, stateCount);
        var (f, stateCotangent, parameterCotangent, _) = kernel.Evaluate(t, z, a);
        return cat([f.flatten(), -stateCotangent.flatten(), -parameterCotangent]).unsqueeze(0).MoveToOuterDisposeScope();
    }
}
