namespace OdeDsl.Language.Binding;

/// <summary>The activation between an `mlp`'s layers (none after the last layer).</summary>
public enum Activation
{
    Tanh,
    Relu,
    Softplus,
    Sigmoid,
    Elu,
    Identity,
}
