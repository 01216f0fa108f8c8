using System;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using OdeDsl.Generator.Attributed;
using OdeDsl.Generator.Emit;
using OdeDsl.Generator.Model;
using OdeDsl.Generator.Specification;

namespace OdeDsl.Generator;

/// <summary>
/// Compiles every <c>.ode</c> file passed as <c>AdditionalFiles</c> into a system class in the
/// project's root namespace. Only equatable values (<see cref="ModelFile"/>, <see cref="ModelCompilation"/>,
/// <see cref="SystemSpec"/>) travel between steps, so editing one model regenerates that model only,
/// and C# edits regenerate nothing.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class OdeSystemGenerator : IIncrementalGenerator
{
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var rootNamespace = context.AnalyzerConfigOptionsProvider
            .Select(static (options, _) =>
                options.GlobalOptions.TryGetValue("build_property.RootNamespace", out var name) && !string.IsNullOrWhiteSpace(name) ? name : null)
            .WithTrackingName(TrackingNames.RootNamespace);

        var compiled = context.AdditionalTextsProvider
            .Where(static file => file.Path.EndsWith(".ode", StringComparison.OrdinalIgnoreCase))
            .Select(static (file, cancellationToken) => new ModelFile(file.Path, file.GetText(cancellationToken)?.ToString()))
            .WithTrackingName(TrackingNames.ReadModel)
            .Select(static (file, cancellationToken) => ModelCompiler.Compile(file, cancellationToken))
            .WithTrackingName(TrackingNames.CompileModel);

        context.RegisterSourceOutput(
            compiled.Select(static (compilation, _) => compilation.Diagnostics).WithTrackingName(TrackingNames.ModelDiagnostics),
            Descriptors.Report);

        // Which file owns each system name (the first path in ordinal order), so that a second model
        // with the same name is a clear ODE5003 instead of a clash of generated files. Only names and
        // paths are compared, so editing an equation leaves this step cached.
        var owners = compiled
            .Where(static compilation => !compilation.HasErrors)
            .Select(static (compilation, _) => compilation.Spec!.Name + "\n" + compilation.Path)
            .Collect()
            .Select(static (names, _) => names.OrderBy(name => name, StringComparer.Ordinal).ToEquatableArray())
            .WithTrackingName(TrackingNames.SystemOwners);

        var sources = compiled
            .Where(static compilation => !compilation.HasErrors)
            .Combine(rootNamespace)
            .Combine(owners)
            .Select(static (input, _) => (
                Spec: input.Left.Left.Spec!,
                Path: input.Left.Left.Path,
                Target: TypeTarget.ForModelFile(input.Left.Right, input.Left.Left.Spec!.Name),
                Owner: input.Right.First(owner => owner.StartsWith(input.Left.Left.Spec!.Name + "\n", StringComparison.Ordinal)).Split('\n')[1]))
            .WithTrackingName(TrackingNames.ModelSource);
        context.RegisterSourceOutput(sources, static (context, source) =>
        {
            if (source.Owner == source.Path)
            {
                AddSource(context, source.Spec, source.Target);
                return;
            }
            context.ReportDiagnostic(Descriptors.ToDiagnostic(Descriptors.Info(
                Descriptors.DuplicateSystem, source.Path,
                $"'{source.Owner}' already defines the system '{source.Spec.Name}'; give one of them a different 'system' name")));
        });

        var attributed = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                AttributedSystemReader.AttributeName,
                static (node, _) => node is ClassDeclarationSyntax,
                static (attributeContext, cancellationToken) => AttributedSystemReader.Read(
                    (ClassDeclarationSyntax)attributeContext.TargetNode,
                    attributeContext.Attributes[0].NamedArguments.FirstOrDefault(a => a.Key == "Name").Value.Value as string,
                    cancellationToken))
            .WithTrackingName(TrackingNames.ReadAttributedSystem)
            .Select(static (system, cancellationToken) => (system.Target, Compilation: ModelCompiler.CompileAttributed(system, cancellationToken)))
            .WithTrackingName(TrackingNames.CompileAttributedSystem);
        context.RegisterSourceOutput(attributed, static (context, system) =>
        {
            Descriptors.Report(context, system.Compilation.Diagnostics);
            if (!system.Compilation.HasErrors) AddSource(context, system.Compilation.Spec!, system.Target);
        });
    }

    internal static void AddSource(SourceProductionContext context, SystemSpec spec, TypeTarget target)
    {
        GeneratedFile file;
        try
        {
            file = SystemEmitter.Emit(spec, target);
        }
        catch (Exception exception)
        {
            context.ReportDiagnostic(Descriptors.ToDiagnostic(Descriptors.Info(Descriptors.InternalError, spec.SourceFileName, exception.GetType().Name + ": " + exception.Message)));
            return;
        }
        context.AddSource(file.HintName, file.Text);
    }
}
