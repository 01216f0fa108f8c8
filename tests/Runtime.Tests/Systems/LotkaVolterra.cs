using OdeDsl.Examples.LotkaVolterra;

namespace OdeDsl.Runtime.Tests.Systems;

/// <summary>The example's Lotka–Volterra system under the tests' namespace.</summary>
public static class LotkaVolterra
{
    public static LotkaVolterraSystem Create() => new();
}
