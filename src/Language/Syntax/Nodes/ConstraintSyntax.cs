using OdeDsl.Language.Text;

namespace OdeDsl.Language.Syntax;

/// <summary>A constraint on a learned value, kept by reparametrisation during fitting.</summary>
public abstract record ConstraintSyntax(SourceSpan Span) : SyntaxNode(Span);

/// <summary>`positive`: the value stays above 0 (fitted on a log scale).</summary>
public sealed record PositiveConstraintSyntax(SourceSpan Span) : ConstraintSyntax(Span);

/// <summary>`in(lo, hi)`: the value stays between the bounds (fitted through a scaled logistic).</summary>
public sealed record IntervalConstraintSyntax(ExpressionSyntax Lower, ExpressionSyntax Upper, SourceSpan Span) : ConstraintSyntax(Span);
