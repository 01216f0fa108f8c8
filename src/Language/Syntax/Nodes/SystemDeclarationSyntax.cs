using OdeDsl.Language.Text;

namespace OdeDsl.Language.Syntax;

/// <summary>`system Spiral`.</summary>
public sealed record SystemDeclarationSyntax(NameSyntax Name, SourceSpan Span) : StatementSyntax(Span);
