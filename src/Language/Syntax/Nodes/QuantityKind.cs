namespace OdeDsl.Language.Syntax;

public enum QuantityKind
{
    /// <summary>`w = expr`: an intermediate quantity usable in later expressions.</summary>
    Fixed,
    /// <summary>`aux name = expr`: an output reported beside the states.</summary>
    Auxiliary,
    /// <summary>`!name = expr`: computed from parameters once per solve.</summary>
    Derived,
}
