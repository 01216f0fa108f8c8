using System.Collections.Immutable;
using OdeDsl.Language.Text;

namespace OdeDsl.Language.Syntax;

/// <summary>`f(u, v) = expr`: a user function, expanded at each call.</summary>
public sealed record FunctionDefinitionSyntax(NameSyntax Name, ImmutableArray<NameSyntax> Parameters, ExpressionSyntax Body, SourceSpan Span) : StatementSyntax(Span);
