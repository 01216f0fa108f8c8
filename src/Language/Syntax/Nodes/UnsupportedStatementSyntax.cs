using OdeDsl.Language.Text;

namespace OdeDsl.Language.Syntax;

/// <summary>A line that uses an XPPAUT feature OdeDsl rejects; <see cref="Name"/> is the keyword or state as written.</summary>
public sealed record UnsupportedStatementSyntax(UnsupportedConstruct Construct, string Name, SourceSpan Span) : StatementSyntax(Span);
