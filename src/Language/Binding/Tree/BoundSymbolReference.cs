using OdeDsl.Language.Text;

namespace OdeDsl.Language.Binding;

/// <summary>
/// A use of a state, parameter, number, derived parameter, fixed quantity or input. The
/// referenced value is the symbol's (for fixed and derived quantities: their
/// <c>Value</c>, which the system lists in dependency order).
/// </summary>
public sealed class BoundSymbolReference(Symbol symbol, SourceSpan span) : BoundExpression(symbol.Shape, span)
{
    public Symbol Symbol { get; } = symbol;
}
