using System.Collections.Immutable;

namespace OdeDsl.Language.IR;

/// <summary>
/// The model's <c>@</c> solver defaults: numeric options by their XPPAUT name (<c>total</c>, <c>dt</c>,
/// <c>t0</c>, <c>tol</c>, <c>atol</c>, ...) and the runtime method <c>meth</c> maps to (null: the runtime's default).
/// </summary>
public sealed record IrOptions(ImmutableSortedDictionary<string, double> Values, string? Method)
{
    public static IrOptions Empty { get; } = new(ImmutableSortedDictionary<string, double>.Empty, null);

    public double? this[string name] => Values.TryGetValue(name, out var value) ? value : null;
}
