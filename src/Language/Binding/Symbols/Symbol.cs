using OdeDsl.Language.Text;

namespace OdeDsl.Language.Binding;

/// <summary>
/// A named thing of the model. Symbols are compared by identity: the bound tree refers to
/// them through <see cref="BoundSymbolReference"/>, and each exists once per <see cref="BoundSystem"/>.
/// </summary>
public abstract class Symbol(string name, Shape shape, SourceSpan span)
{
    public string Name { get; } = name;

    public Shape Shape { get; } = shape;

    /// <summary>Where the symbol is declared (for states declared by equation: the equation's target).</summary>
    public SourceSpan Span { get; } = span;

    /// <summary>What kind of thing this is, in words, for messages ("a parameter").</summary>
    public abstract string KindDescription { get; }

    public override string ToString() => Name;
}
