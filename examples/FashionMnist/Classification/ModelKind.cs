namespace OdeDsl.Examples.FashionMnist;

/// <summary>The three classifiers of the experiment.</summary>
public enum ModelKind
{
    /// <summary>Six residual blocks.</summary>
    ResNet,

    /// <summary>One ODE block whose dynamics are one residual branch (Chen et al. 2018).</summary>
    OdeNet,

    /// <summary>The ODE-Net with zero channels appended to the state (Dupont et al. 2019).</summary>
    Anode,
}
