using OdeDsl.Runtime.Torch;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace OdeDsl.Examples.FashionMnist;

/// <summary>Front end, then six residual blocks or one (augmented) ODE block, then the head: logits <c>[B, 10]</c>.</summary>
public sealed class Classifier : nn.Module<Tensor, Tensor>
{
    private readonly Sequential frontEnd;
    private readonly nn.Module<Tensor, Tensor> middle;
    private readonly Sequential head;

    private Classifier(nn.Module<Tensor, Tensor> middle, int channels) : base(nameof(Classifier))
    {
        frontEnd = Layers.FrontEnd();
        this.middle = middle;
        head = Layers.Head(channels);
        RegisterComponents();
    }

    /// <summary>The ODE block's latest NFE; <c>null</c> for the ResNet.</summary>
    public OdeBlockStats? Stats => (middle as AugmentedOdeBlock)?.Stats;

    public long ParameterCount => parameters().Sum(p => p.numel());

    /// <param name="augment">Zero channels appended to the ODE state (ANODE only).</param>
    /// <param name="adjoint">Gradients by the adjoint; otherwise by backpropagation through the solver.</param>
    public static Classifier Create(ModelKind kind, int augment = 0, bool adjoint = false)
    {
        var options = new OdeBlockOptions
        {
            Method = "dopri5", Rtol = 1e-3, Atol = 1e-3,
            Gradient = adjoint ? OdeBlockGradient.Adjoint : OdeBlockGradient.Backpropagation,
        };
        return kind switch
        {
            ModelKind.ResNet => new Classifier(nn.Sequential(Enumerable.Range(0, 6).Select(_ => new ResidualBlock(64)).ToArray()), 64),
            ModelKind.OdeNet => new Classifier(new AugmentedOdeBlock(64, 0, options), 64),
            _ => new Classifier(new AugmentedOdeBlock(64, augment, options), 64 + augment),
        };
    }

    public override Tensor forward(Tensor images) => head.call(middle.call(frontEnd.call(images)));
}
