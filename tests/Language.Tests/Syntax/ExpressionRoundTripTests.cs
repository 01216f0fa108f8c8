using System.Globalization;
using OdeDsl.Language.Tests.Support;

namespace OdeDsl.Language.Tests.Syntax;

/// <summary>
/// A round-trip property over random expression trees (seeded): each tree is written with the
/// fewest parentheses the precedence table of docs/language.md allows, parsed and bound, and
/// must come back as the same tree. A wrong precedence or associativity anywhere fails it.
/// </summary>
public sealed class ExpressionRoundTripTests
{
    private const int Cases = 2000;

    private abstract record Node;

    private sealed record Leaf(string Text) : Node;

    private sealed record Prefix(string Operator, Node Operand) : Node;

    private sealed record Infix(string Operator, Node Left, Node Right) : Node;

    private sealed record Conditional(Node Condition, Node WhenTrue, Node WhenFalse) : Node;

    /// <summary>Operators by level, lowest first; power is right-associative, the rest left.</summary>
    private static readonly (string Written, string Printed, int Level)[] Operators =
    [
        ("|", "|", 1), ("||", "|", 1), ("&", "&", 2), ("&&", "&", 2),
        ("<", "<", 3), ("<=", "<=", 3), (">", ">", 3), (">=", ">=", 3), ("==", "==", 3), ("!=", "!=", 3),
        ("+", "+", 4), ("-", "-", 4), ("*", "*", 5), ("/", "/", 5), ("^", "^", 7), ("**", "^", 7),
    ];

    private const int UnaryLevel = 6;
    private const int PrimaryLevel = 8;

    [Fact]
    public void Random_expressions_survive_printing_with_minimal_parentheses()
    {
        var random = new Random(424242);
        for (var i = 0; i < Cases; i++)
        {
            var tree = Generate(random, depth: 5);
            var compact = random.Next(2) == 0;
            var written = Write(tree, compact);

            var bound = Models.Equation($"par a=1, b=2, c=3\nx' = {written}\n", "x");

            Assert.True(Expected(tree) == bound, $"case {i}: wrote {written}\nexpected {Expected(tree)}\nbound    {bound}");
        }
    }

    private static Node Generate(Random random, int depth)
    {
        var choice = depth == 0 ? 0 : random.Next(10);
        return choice switch
        {
            <= 2 => random.Next(3) == 0
                ? new Leaf(random.Next(1, 100).ToString(CultureInfo.InvariantCulture))
                : new Leaf(new[] { "a", "b", "c", "x" }[random.Next(4)]),
            3 => new Prefix(random.Next(3) == 0 ? "!" : "-", Generate(random, depth - 1)),
            4 => new Conditional(Generate(random, depth - 1), Generate(random, depth - 1), Generate(random, depth - 1)),
            _ => new Infix(Operators[random.Next(Operators.Length)].Written, Generate(random, depth - 1), Generate(random, depth - 1)),
        };
    }

    private static int Level(Node node) => node switch
    {
        Leaf => PrimaryLevel,
        Prefix => UnaryLevel,
        Conditional => 0,
        Infix infix => Operators.First(o => o.Written == infix.Operator).Level,
        _ => throw new InvalidOperationException(),
    };

    /// <summary>Writes a node where the grammar needs at least <paramref name="required"/>; parentheses only when the node binds looser.</summary>
    private static string Write(Node node, bool compact, int required = 0)
    {
        var text = node switch
        {
            Leaf leaf => leaf.Text,
            Prefix prefix => prefix.Operator + Write(prefix.Operand, compact, UnaryLevel),
            Conditional conditional =>
                $"{Write(conditional.Condition, compact, 1)} ? {Write(conditional.WhenTrue, compact)} : {Write(conditional.WhenFalse, compact)}",
            Infix { Operator: "^" or "**" } power =>
                Join(Write(power.Left, compact, PrimaryLevel), power.Operator, Write(power.Right, compact, UnaryLevel), compact),
            Infix infix =>
                Join(Write(infix.Left, compact, Level(infix)), infix.Operator, Write(infix.Right, compact, Level(infix) + 1), compact),
            _ => throw new InvalidOperationException(),
        };
        return Level(node) < required ? $"({text})" : text;
    }

    /// <summary>Compact form leaves blanks out, except where two operators would fuse into another (`a - -b`, `a * *`).</summary>
    private static string Join(string left, string op, string right, bool compact) =>
        compact && !right.StartsWith("-", StringComparison.Ordinal) && !right.StartsWith("!", StringComparison.Ordinal) && !right.StartsWith("*", StringComparison.Ordinal)
            ? left + op + right
            : $"{left} {op} {right}";

    /// <summary>The bound printer's fully parenthesised form of the tree.</summary>
    private static string Expected(Node node) => node switch
    {
        Leaf leaf => leaf.Text,
        Prefix prefix => $"({prefix.Operator}{Expected(prefix.Operand)})",
        Conditional conditional => $"if({Expected(conditional.Condition)})then({Expected(conditional.WhenTrue)})else({Expected(conditional.WhenFalse)})",
        Infix infix => $"({Expected(infix.Left)} {Operators.First(o => o.Written == infix.Operator).Printed} {Expected(infix.Right)})",
        _ => throw new InvalidOperationException(),
    };
}
