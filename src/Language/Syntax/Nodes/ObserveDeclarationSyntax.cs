using OdeDsl.Language.Text;

namespace OdeDsl.Language.Syntax;

/// <summary>`observe pop = z[0] ~ lognormal`; no distribution means `normal`.</summary>
public sealed record ObserveDeclarationSyntax(NameSyntax Name, ExpressionSyntax Value, NameSyntax? Distribution, SourceSpan Span) : StatementSyntax(Span);
