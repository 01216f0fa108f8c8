using System.Collections.Immutable;

namespace OdeDsl.Language.Syntax.Grammar;

/// <summary>What one logical line holds: its statements, or the `done` that ends the model.</summary>
internal sealed record LineSyntax(ImmutableArray<StatementSyntax> Statements, bool IsDone)
{
    public static LineSyntax Done { get; } = new([], true);
}
