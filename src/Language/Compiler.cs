using System.Collections.Immutable;
using OdeDsl.Language.Binding;
using OdeDsl.Language.Differentiation;
using OdeDsl.Language.Lowering;
using OdeDsl.Language.Syntax;
using OdeDsl.Language.Text;

namespace OdeDsl.Language;

/// <summary>
/// The one place that chains the stages: text → syntax → bound system → IR → derivatives. Nothing here throws for any input text.
/// </summary>
public static class Compiler
{
    public static ParseResult Parse(string text, string path = "") => Parser.Parse(new SourceText(text, path));

    /// <summary>
    /// Parses and binds. When parsing fails the model is not bound (a line that did not parse
    /// would show up as a cascade of undefined names), so the result holds the syntax errors only.
    /// </summary>
    public static BindResult Bind(string text, string path = "", CancellationToken cancellationToken = default) =>
        Bind(Parse(text, path), cancellationToken);

    public static BindResult Bind(ParseResult parsed, CancellationToken cancellationToken = default)
    {
        if (parsed.HasErrors)
        {
            return new BindResult(null, parsed.Diagnostics);
        }

        var bound = Binder.Bind(parsed.Model, cancellationToken);
        var diagnostics = parsed.Diagnostics.AddRange(bound.Diagnostics).OrderBy(d => d.Span.Start).ToImmutableArray();
        return bound with { Diagnostics = diagnostics };
    }

    /// <summary>
    /// The whole pipeline: parse → bind → lower → differentiate. Stops at the first stage that
    /// reports an error; the result holds every diagnostic so far.
    /// </summary>
    public static CompileResult Compile(string text, string path = "", CancellationToken cancellationToken = default)
    {
        var bound = Bind(text, path, cancellationToken);
        if (bound.HasErrors || bound.System is null)
        {
            return new CompileResult(null, bound.Diagnostics);
        }

        var lowered = SystemLowering.Lower(bound.System);
        cancellationToken.ThrowIfCancellationRequested();
        var differentiated = Differentiator.Differentiate(lowered, cancellationToken);
        var diagnostics = bound.Diagnostics.AddRange(differentiated.Diagnostics).OrderBy(d => d.Span.Start).ToImmutableArray();
        return new CompileResult(differentiated.System, diagnostics);
    }
}
