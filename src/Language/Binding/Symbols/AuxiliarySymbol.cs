using OdeDsl.Language.Text;

namespace OdeDsl.Language.Binding;

/// <summary>`aux name = expr`: an output reported beside the states; nothing in the model can use it.</summary>
public sealed class AuxiliarySymbol(string name, Shape shape, SourceSpan span, BoundExpression value) : Symbol(name, shape, span)
{
    public BoundExpression Value { get; } = value;

    public override string KindDescription => "an aux output";
}
