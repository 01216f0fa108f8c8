using OdeDsl.Language.Text;

namespace OdeDsl.Language.Syntax;

/// <summary>
/// `learn alpha = 0.5 positive` (a trainable parameter) or, with <see cref="IsInitialValue"/>,
/// `learn z(0)` / `learn x(0) = 1.5 positive` (a trainable initial value).
/// </summary>
public sealed record LearnDeclarationSyntax(DeclaratorSyntax Target, bool IsInitialValue, ExpressionSyntax? Value, ConstraintSyntax? Constraint, SourceSpan Span) : StatementSyntax(Span);
