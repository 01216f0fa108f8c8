using OdeDsl.Language.Text;

namespace OdeDsl.Language.Syntax;

/// <summary>A node of the immutable syntax tree; every node knows where it came from.</summary>
public abstract record SyntaxNode(SourceSpan Span);
