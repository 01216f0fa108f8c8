using TorchSharp;
using static TorchSharp.torch;

namespace OdeDsl.Runtime.Torch;

/// <summary>
/// Dynamics on states of any shape (<c>[B, C, H, W]</c> feature maps for a convolution) seen as the integrator's
/// <c>[B, n]</c> rows: <c>z</c> is viewed as <c>[B, …shape]</c> for the module and <c>f</c> flattened back. Views
/// are differentiable, so autograd's VJPs pass through unchanged. Its parameters are the module's.
/// </summary>
internal sealed class FlattenedStateDynamics : nn.Module<Tensor, Tensor, Tensor>
{
    private readonly nn.Module<Tensor, Tensor, Tensor> dynamics;
    private readonly long[] _stateShape;

    public FlattenedStateDynamics(nn.Module<Tensor, Tensor, Tensor> dynamics, long[] stateShape)
        : base(nameof(FlattenedStateDynamics))
    {
        this.dynamics = dynamics;
        _stateShape = stateShape;
        RegisterComponents();
    }

    public override Tensor forward(Tensor t, Tensor z) => dynamics.call(t, z.view([z.shape[0], .. _stateShape])).flatten(1);
}
