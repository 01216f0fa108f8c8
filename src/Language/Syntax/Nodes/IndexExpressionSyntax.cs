using System.Collections.Immutable;
using OdeDsl.Language.Text;

namespace OdeDsl.Language.Syntax;

/// <summary>`z[0]` or `A[1, 0]`: 0-based element access (inside an XPPAUT array line, `u[j]` names `u3` instead).</summary>
public sealed record IndexExpressionSyntax(ExpressionSyntax Target, ImmutableArray<ExpressionSyntax> Indices, SourceSpan Span) : ExpressionSyntax(Span);
