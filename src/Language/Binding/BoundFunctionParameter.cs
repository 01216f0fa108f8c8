using OdeDsl.Language.Text;

namespace OdeDsl.Language.Binding;

/// <summary>A user function's parameter while its body is checked on its own (before any call expands it); never in a returned system.</summary>
internal sealed class BoundFunctionParameter(string name, SourceSpan span) : BoundExpression(Shape.Scalar, span)
{
    public string Name { get; } = name;
}
