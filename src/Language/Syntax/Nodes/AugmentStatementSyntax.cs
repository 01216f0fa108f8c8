using OdeDsl.Language.Text;

namespace OdeDsl.Language.Syntax;

/// <summary>`augment z by 3`: append zero-initialised dimensions to a vector state (ANODE).</summary>
public sealed record AugmentStatementSyntax(NameSyntax State, NumberLiteralSyntax Count, SourceSpan Span) : StatementSyntax(Span);
