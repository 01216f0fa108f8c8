using OdeDsl.Language.Text;

namespace OdeDsl.Language.Binding;

/// <summary>`learn z(0)` or `learn x(0) = 1.5 positive`: the initial value is fitted, under a constraint.</summary>
public sealed record LearnedInitialValue(ParameterConstraint Constraint, SourceSpan Span);
