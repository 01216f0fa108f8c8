using OdeDsl.Language.Text;

namespace OdeDsl.Language.Syntax;

/// <summary>`x' = expr` or `dx/dt = expr`; XPPAUT declares the state `x` by writing its equation.</summary>
public sealed record EquationSyntax(DeclaratorSyntax Target, EquationForm Form, ExpressionSyntax Value, SourceSpan Span) : StatementSyntax(Span);
