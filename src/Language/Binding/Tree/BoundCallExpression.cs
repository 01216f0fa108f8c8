using System.Collections.Immutable;
using OdeDsl.Language.Text;

namespace OdeDsl.Language.Binding;

/// <summary>A builtin function applied to its arguments (user functions are already expanded).</summary>
public sealed class BoundCallExpression(BuiltinFunction function, ImmutableArray<BoundExpression> arguments, Shape shape, SourceSpan span)
    : BoundExpression(shape, span)
{
    public BuiltinFunction Function { get; } = function;

    public ImmutableArray<BoundExpression> Arguments { get; } = arguments;
}
