using System.Collections.Immutable;
using OdeDsl.Language.Text;

namespace OdeDsl.Language.Syntax;

/// <summary>`@ total=20, dt=0.05, meth=rk4`.</summary>
public sealed record OptionsSyntax(ImmutableArray<OptionSyntax> Options, SourceSpan Span) : StatementSyntax(Span);
