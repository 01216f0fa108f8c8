using OdeDsl.Language.Text;

namespace OdeDsl.Language.Syntax;

/// <summary>One statement: a line of the model (or the part of an expanded XPPAUT array line for one index).</summary>
public abstract record StatementSyntax(SourceSpan Span) : SyntaxNode(Span);
