using OdeDsl.Language.Text;

namespace OdeDsl.Language.Binding;

/// <summary>A network applied to a vector of its input size (`f(z)`, or `f(x, y)` packed into a <see cref="BoundVectorLiteral"/>).</summary>
public sealed class BoundNetCall(NetSymbol net, BoundExpression input, SourceSpan span) : BoundExpression(Shape.Vector(net.OutputSize), span)
{
    public NetSymbol Net { get; } = net;

    public BoundExpression Input { get; } = input;
}
