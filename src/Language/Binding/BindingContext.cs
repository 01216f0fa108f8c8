using System.Collections.Immutable;

namespace OdeDsl.Language.Binding;

/// <summary>
/// What an expression is being bound for: the value that owns it (for messages), the
/// <see cref="DependencyLevel"/> it may use, the arguments of the user function being
/// expanded, and the functions being expanded (to stop runaway recursion).
/// </summary>
internal sealed record BindingContext(
    DependencyLevel Level,
    string OwnerDescription,
    string OwnerName,
    ImmutableDictionary<string, BoundExpression> Arguments,
    ImmutableStack<string> Expanding)
{
    public static BindingContext For(DependencyLevel level, string ownerDescription, string ownerName) =>
        new(level, ownerDescription, ownerName, ImmutableDictionary<string, BoundExpression>.Empty.WithComparers(StringComparer.Ordinal), ImmutableStack<string>.Empty);
}
