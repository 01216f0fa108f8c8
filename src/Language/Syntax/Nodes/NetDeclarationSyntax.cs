using System.Collections.Immutable;
using OdeDsl.Language.Text;

namespace OdeDsl.Language.Syntax;

/// <summary>`net f = mlp(2, 50, 2, act=tanh)`: layer widths from input to output, then options.</summary>
public sealed record NetDeclarationSyntax(NameSyntax Name, NameSyntax Architecture, ImmutableArray<ExpressionSyntax> Widths, ImmutableArray<NetOptionSyntax> Options, SourceSpan Span) : StatementSyntax(Span);
