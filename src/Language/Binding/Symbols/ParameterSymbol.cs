using OdeDsl.Language.Text;

namespace OdeDsl.Language.Binding;

/// <summary>
/// A `par` (fixed unless a fit frees it by name) or `learn` (fitted) parameter.
/// <see cref="Offset"/> is its first element's index among all par and learn elements in
/// declaration order; network weights are laid out by later stages.
/// </summary>
public sealed class ParameterSymbol(
    string name,
    Shape shape,
    SourceSpan span,
    int offset,
    bool isLearned,
    BoundExpression value,
    ParameterConstraint constraint) : Symbol(name, shape, span)
{
    public int Offset { get; } = offset;

    public bool IsLearned { get; } = isLearned;

    /// <summary>The default (for `learn`: starting) value; a constant expression of literals and numbers.</summary>
    public BoundExpression Value { get; } = value;

    public ParameterConstraint Constraint { get; } = constraint;

    public override string KindDescription => IsLearned ? "a learned parameter" : "a parameter";
}
