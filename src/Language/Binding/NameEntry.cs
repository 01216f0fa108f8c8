using OdeDsl.Language.Syntax;
using OdeDsl.Language.Text;

namespace OdeDsl.Language.Binding;

internal enum NameKind
{
    State,
    Parameter,
    Number,
    Fixed,
    Auxiliary,
    Derived,
    Function,
    Net,
    Input,
}

/// <summary>A name declared in the model, before binding: what it is, where, and the syntax that defines it.</summary>
internal sealed class NameEntry(string name, NameKind kind, SourceSpan span, SyntaxNode? syntax)
{
    public string Name { get; } = name;

    public NameKind Kind { get; } = kind;

    public SourceSpan Span { get; } = span;

    public SyntaxNode? Syntax { get; } = syntax;

    public string Description => Kind switch
    {
        NameKind.State => "a state",
        NameKind.Parameter => "a parameter",
        NameKind.Number => "a number",
        NameKind.Fixed => "a fixed quantity",
        NameKind.Auxiliary => "an aux output",
        NameKind.Derived => "a derived parameter",
        NameKind.Function => "a function",
        NameKind.Net => "a network",
        _ => "an input",
    };
}
