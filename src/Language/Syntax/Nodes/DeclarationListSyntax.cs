using System.Collections.Immutable;
using OdeDsl.Language.Text;

namespace OdeDsl.Language.Syntax;

/// <summary>`par a=1, b=2` or `par a=1 b=2`; <see cref="Keyword"/> is spelt as written (`p`, `param`).</summary>
public sealed record DeclarationListSyntax(DeclarationKind Kind, NameSyntax Keyword, ImmutableArray<DefinitionSyntax> Definitions, SourceSpan Span) : StatementSyntax(Span);
