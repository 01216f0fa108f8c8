using System.Collections.Immutable;
using OdeDsl.Language.Text;

namespace OdeDsl.Language.Syntax;

/// <summary>`f(a, b)`: a builtin, a user function or a network applied to its arguments.</summary>
public sealed record CallExpressionSyntax(NameSyntax Function, ImmutableArray<ExpressionSyntax> Arguments, SourceSpan Span) : ExpressionSyntax(Span);
