using OdeDsl.Language.Text;

namespace OdeDsl.Language.Binding;

/// <summary>
/// A state variable: scalar (XPPAUT) or vector (`state z[2]`). <see cref="Offset"/> is its
/// first element's index in the flat state vector; states are laid out in declaration order.
/// </summary>
public sealed class StateSymbol(
    string name,
    Shape shape,
    SourceSpan span,
    int offset,
    BoundExpression initialValue,
    int augmentedDimensions,
    LearnedInitialValue? learnedInitialValue) : Symbol(name, shape, span)
{
    public int Offset { get; } = offset;

    /// <summary>The initial value with this state's shape (0 where none is given; augmented dimensions are 0).</summary>
    public BoundExpression InitialValue { get; } = initialValue;

    /// <summary>How many trailing dimensions `augment z by n` appended (included in <see cref="Symbol.Shape"/>).</summary>
    public int AugmentedDimensions { get; } = augmentedDimensions;

    /// <summary>Set by `learn z(0)`: the initial value is then a trainable parameter starting at <see cref="InitialValue"/>.</summary>
    public LearnedInitialValue? LearnedInitialValue { get; } = learnedInitialValue;

    public override string KindDescription => "a state";
}
