using System.Collections.Immutable;
using OdeDsl.Language.Text;

namespace OdeDsl.Language.Syntax;

/// <summary>A parsed `.ode` file: its statements in source order, XPPAUT arrays already expanded.</summary>
public sealed record ModelSyntax(SourceText Source, ImmutableArray<StatementSyntax> Statements, SourceSpan Span) : SyntaxNode(Span);
