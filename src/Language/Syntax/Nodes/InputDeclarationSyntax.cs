using System.Collections.Immutable;
using OdeDsl.Language.Text;

namespace OdeDsl.Language.Syntax;

/// <summary>`input dose, weight`: values supplied with the data.</summary>
public sealed record InputDeclarationSyntax(ImmutableArray<NameSyntax> Names, SourceSpan Span) : StatementSyntax(Span);
