using System.Collections.Generic;
using System.Linq;
using System.Threading;
using OdeDsl.Generator.Model;
using OdeDsl.Language;
using LanguageDiagnostic = OdeDsl.Language.Diagnostics.Diagnostic;

namespace OdeDsl.Generator.Specification;

/// <summary>
/// The one place that runs the language pipeline (parse → bind → lower → differentiate) for the
/// generator and the command line, then <see cref="SpecBuilder"/>. Never throws: user errors are
/// diagnostics, and a bug in any stage becomes ODE5999 on the file.
/// </summary>
public static class ModelCompiler
{
    public static ModelCompilation Compile(ModelFile file, CancellationToken cancellationToken = default)
    {
        if (file.Text is null)
        {
            return Failed(file.Path, Descriptors.Info(Descriptors.UnreadableFile, file.Path, $"cannot read '{file.Path}'"));
        }
        try
        {
            var compiled = Compiler.Compile(file.Text, file.Path, cancellationToken);
            var diagnostics = compiled.Diagnostics.Select(ToInfo).ToEquatableArray();
            if (compiled.HasErrors || compiled.System is null) return new ModelCompilation(file.Path, null, diagnostics);
            var lines = file.Text.Split('\n').Select(line => line.TrimEnd('\r')).ToList();
            var spec = SpecBuilder.Build(compiled.System, System.IO.Path.GetFileName(file.Path), lines);
            return new ModelCompilation(file.Path, spec, diagnostics);
        }
        catch (System.OperationCanceledException)
        {
            throw;
        }
        catch (UnsupportedModelException unsupported)
        {
            return Failed(file.Path, Descriptors.Info(Descriptors.UnsupportedInGeneratedCode, file.Path, unsupported.Message));
        }
        catch (System.Exception exception)
        {
            return Failed(file.Path, Descriptors.Info(Descriptors.InternalError, file.Path, exception.GetType().Name + ": " + exception.Message));
        }
    }

    /// <summary>
    /// Compiles an <c>[OdeSystem]</c> class through its model text; language diagnostics are moved from
    /// the model text's lines to the C# members those lines come from.
    /// </summary>
    public static ModelCompilation CompileAttributed(AttributedSystem system, CancellationToken cancellationToken = default)
    {
        if (system.Diagnostics.Any(d => d.IsError)) return new ModelCompilation(system.Path, null, system.Diagnostics);
        var compilation = Compile(new ModelFile(system.Path, system.ModelText), cancellationToken);
        var byLine = system.LineSpans.GroupBy(s => s.ModelLine).ToDictionary(g => g.Key, g => g.First());
        var fallback = system.LineSpans.FirstOrDefault();
        var remapped = compilation.Diagnostics.Select(diagnostic =>
        {
            var span = byLine.TryGetValue(diagnostic.Line, out var line) ? line : fallback;
            return span is null
                ? diagnostic
                : diagnostic with
                {
                    Start = span.Start, Length = span.Length, Line = span.Line, Column = span.Column,
                    EndLine = span.EndLine, EndColumn = span.EndColumn,
                };
        });
        return new ModelCompilation(system.Path, compilation.Spec, system.Diagnostics.Concat(remapped).ToEquatableArray());
    }

    private static ModelCompilation Failed(string path, DiagnosticInfo diagnostic) =>
        new(path, null, EquatableArray.Create(diagnostic));

    public static DiagnosticInfo ToInfo(LanguageDiagnostic diagnostic) => new(
        diagnostic.Code,
        diagnostic.Descriptor.Title,
        (int)diagnostic.Severity,
        diagnostic.Message,
        diagnostic.Span.Path,
        diagnostic.Span.Start,
        diagnostic.Span.Length,
        diagnostic.Span.Line,
        diagnostic.Span.Column,
        diagnostic.Span.EndLine,
        diagnostic.Span.EndColumn);
}
