using System.Collections.Immutable;
using OdeDsl.Language.Diagnostics;
using OdeDsl.Language.Syntax.Grammar;
using OdeDsl.Language.Text;
using Sprache;

namespace OdeDsl.Language.Syntax;

/// <summary>
/// Turns `.ode` text into a syntax tree. Each logical line is parsed on its own, so a line that
/// fails is reported and skipped and the next line is read as usual: one run reports every
/// broken line. Never throws for any input.
/// </summary>
public static class Parser
{
    /// <summary>Longer lines are refused before parsing, which bounds the depth of every tree walk.</summary>
    public const int MaxLineLength = 4000;

    /// <summary>Deeper bracket or `?:` nesting is refused before parsing, for the same reason.</summary>
    public const int MaxNestingDepth = 64;

    public static ParseResult Parse(string text, string path = "") => Parse(new SourceText(text, path));

    public static ParseResult Parse(SourceText source)
    {
        var diagnostics = new DiagnosticBag();
        var statements = ImmutableArray.CreateBuilder<StatementSyntax>();
        var text = source.Text;
        var nul = text.IndexOf('\0');
        if (nul >= 0)
        {
            diagnostics.Report(DiagnosticDescriptors.BinaryFile, source.GetSpan(nul, 1), nul);
            return Result(source, statements, diagnostics);
        }

        var grammar = new OdeGrammar(source);
        // A byte order mark is an encoding marker, not text; a blank keeps every offset in place.
        var lines = LogicalLine.Split(text.Length > 0 && text[0] == '\uFEFF' ? " " + text.Substring(1) : text, out var dangling);
        foreach (var line in lines)
        {
            if (!ParseLine(source, grammar, line, statements, diagnostics))
            {
                break;
            }
        }

        if (dangling >= 0)
        {
            diagnostics.Report(DiagnosticDescriptors.ContinuationAtEndOfFile, source.GetSpan(dangling, 1));
        }

        if (statements.Count == 0 && !diagnostics.HasErrors)
        {
            diagnostics.Report(DiagnosticDescriptors.EmptyFile, source.GetSpan(0, 0));
        }

        var expanded = ArrayExpander.Expand(source, statements.ToImmutable(), diagnostics);
        return new ParseResult(new ModelSyntax(source, expanded, source.GetSpan(0, text.Length)), diagnostics.ToImmutable());
    }

    private static ParseResult Result(SourceText source, ImmutableArray<StatementSyntax>.Builder statements, DiagnosticBag diagnostics) =>
        new(new ModelSyntax(source, statements.ToImmutable(), source.GetSpan(0, source.Length)), diagnostics.ToImmutable());

    /// <summary>Parses one logical line into <paramref name="statements"/>; false after `done`.</summary>
    private static bool ParseLine(SourceText source, OdeGrammar grammar, LogicalLine line, ImmutableArray<StatementSyntax>.Builder statements, DiagnosticBag diagnostics)
    {
        var text = line.Text;
        var first = 0;
        while (first < text.Length && char.IsWhiteSpace(text[first]))
        {
            first++;
        }

        if (first == text.Length || text[first] == '"')
        {
            return true;
        }

        if (text[first] == '#')
        {
            if (string.CompareOrdinal(text, first, "#include", 0, 8) == 0)
            {
                statements.Add(new UnsupportedStatementSyntax(UnsupportedConstruct.Include, "#include", source.GetSpan(line.Start + first, 8)));
            }

            return true;
        }

        if (text.Length > MaxLineLength)
        {
            diagnostics.Report(DiagnosticDescriptors.LineTooLong, source.GetSpan(line.Start + first, 1), text.Length, MaxLineLength);
            return true;
        }

        var tooDeep = FindExcessiveNesting(text);
        if (tooDeep >= 0)
        {
            diagnostics.Report(DiagnosticDescriptors.NestingTooDeep, source.GetSpan(line.Start + tooDeep, 1), MaxNestingDepth + 1, MaxNestingDepth);
            return true;
        }

        var result = grammar.ParseLine(text, line.Start);
        if (!result.WasSuccessful)
        {
            diagnostics.Add(SyntaxErrorReporter.Describe(source, line, result.Remainder.Position, result.Expectations));
            return true;
        }

        if (result.Value.IsDone)
        {
            return false;
        }

        statements.AddRange(result.Value.Statements);
        return true;
    }

    /// <summary>The offset where brackets and conditionals first nest deeper than allowed, or -1.</summary>
    private static int FindExcessiveNesting(string text)
    {
        var depth = 0;
        var conditionals = 0;
        for (var i = 0; i < text.Length; i++)
        {
            switch (text[i])
            {
                case '#':
                    return -1;
                case '(' or '[' or '{':
                    depth++;
                    break;
                case ')' or ']' or '}':
                    depth = Math.Max(0, depth - 1);
                    break;
                case '?':
                    conditionals++;
                    break;
            }

            if (depth + conditionals > MaxNestingDepth)
            {
                return i;
            }
        }

        return -1;
    }
}
