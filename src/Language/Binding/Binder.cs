using System.Collections.Immutable;
using OdeDsl.Language.Diagnostics;
using OdeDsl.Language.Syntax;
using OdeDsl.Language.Text;

namespace OdeDsl.Language.Binding;

/// <summary>
/// Binds a parsed model: collects every declaration (XPPAUT declares a state by its equation),
/// orders numbers, derived and fixed quantities by their dependencies, then binds each value
/// with its names resolved, user functions expanded and shapes checked.
/// </summary>
public sealed partial class Binder
{
    private static readonly ImmutableDictionary<string, string> ReservedNames = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["t"] = "it is time",
        ["pi"] = "it is the constant 3.14159...",
        ["if"] = "it starts if(...)then(...)else(...)",
        ["then"] = "it is part of if(...)then(...)else(...)",
        ["else"] = "it is part of if(...)then(...)else(...)",
    }.ToImmutableDictionary(StringComparer.Ordinal);

    private readonly ModelSyntax model;
    private readonly SourceText source;
    private readonly CancellationToken cancellationToken;
    private readonly DiagnosticBag diagnostics = new();
    private readonly Dictionary<string, NameEntry> names = new(StringComparer.Ordinal);
    private readonly List<string> declarationOrder = [];
    private readonly List<StateDeclaration> stateDeclarations = [];
    private readonly Dictionary<string, StateDeclaration> stateDeclarationsByName = new(StringComparer.Ordinal);
    private readonly List<(NameSyntax Name, ExpressionSyntax Value)> initialValues = [];
    private readonly List<LearnDeclarationSyntax> learnedInitialValues = [];
    private readonly Dictionary<string, FunctionDefinitionSyntax> functions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ObserveDeclarationSyntax> observeDeclarations = new(StringComparer.Ordinal);
    private readonly List<AugmentStatementSyntax> augments = [];
    private readonly List<OptionSyntax> optionSyntax = [];
    private SystemDeclarationSyntax? systemDeclaration;

    private Binder(ModelSyntax model, CancellationToken cancellationToken)
    {
        this.model = model;
        source = model.Source;
        this.cancellationToken = cancellationToken;
    }

    /// <summary>Binds <paramref name="model"/>; the system is null when any error was reported.</summary>
    public static BindResult Bind(ModelSyntax model, CancellationToken cancellationToken = default)
    {
        var binder = new Binder(model, cancellationToken);
        var system = binder.BindSystem();
        var diagnostics = binder.diagnostics.ToImmutable();
        return new BindResult(binder.diagnostics.HasErrors ? null : system, diagnostics);
    }

    private BoundSystem BindSystem()
    {
        foreach (var statement in model.Statements)
        {
            cancellationToken.ThrowIfCancellationRequested();
            Collect(statement);
        }

        ReportCaseOnlyDifferences();
        var options = OptionBinder.Bind(optionSyntax, diagnostics);
        var system = BindDeclarations(options);
        if (system.States.IsEmpty && !diagnostics.HasErrors)
        {
            diagnostics.Report(DiagnosticDescriptors.NoEquations, source.GetSpan(0, 0));
        }

        return system;
    }

    private void Collect(StatementSyntax statement)
    {
        switch (statement)
        {
            case EquationSyntax equation:
                CollectEquation(equation);
                break;
            case StateDeclarationSyntax state:
                CollectState(state);
                break;
            case InitialValueSyntax initial:
                initialValues.Add((initial.Target.Name, initial.Value));
                break;
            case DeclarationListSyntax { Kind: DeclarationKind.Init } list:
                initialValues.AddRange(list.Definitions.Select(d => (d.Target.Name, d.Value)));
                break;
            case DeclarationListSyntax { Kind: DeclarationKind.Parameter } list:
                foreach (var definition in list.Definitions)
                {
                    Declare(definition.Target.Name, NameKind.Parameter, definition);
                }

                break;
            case DeclarationListSyntax { Kind: DeclarationKind.Number } list:
                foreach (var definition in list.Definitions)
                {
                    Declare(definition.Target.Name, NameKind.Number, definition);
                }

                break;
            case LearnDeclarationSyntax { IsInitialValue: true } learn:
                learnedInitialValues.Add(learn);
                break;
            case LearnDeclarationSyntax learn:
                Declare(learn.Target.Name, NameKind.Parameter, learn);
                break;
            case QuantityDefinitionSyntax quantity:
                var kind = quantity.Kind switch
                {
                    QuantityKind.Fixed => NameKind.Fixed,
                    QuantityKind.Auxiliary => NameKind.Auxiliary,
                    _ => NameKind.Derived,
                };
                Declare(quantity.Target.Name, kind, quantity);
                break;
            case FunctionDefinitionSyntax function:
                CollectFunction(function);
                break;
            case NetDeclarationSyntax net:
                Declare(net.Name, NameKind.Net, net);
                break;
            case ObserveDeclarationSyntax observe:
                if (observeDeclarations.TryGetValue(observe.Name.Name, out var existing))
                {
                    diagnostics.Report(DiagnosticDescriptors.DuplicateDefinition, observe.Name.Span, observe.Name.Name, "an observation", existing.Span.Line);
                }
                else
                {
                    observeDeclarations[observe.Name.Name] = observe;
                }

                break;
            case AugmentStatementSyntax augment:
                augments.Add(augment);
                break;
            case InputDeclarationSyntax input:
                foreach (var name in input.Names)
                {
                    Declare(name, NameKind.Input, input);
                }

                break;
            case OptionsSyntax options:
                optionSyntax.AddRange(options.Options);
                break;
            case SystemDeclarationSyntax system:
                if (systemDeclaration is null)
                {
                    systemDeclaration = system;
                }
                else
                {
                    diagnostics.Report(DiagnosticDescriptors.DuplicateSystemName, system.Name.Span, systemDeclaration.Name.Name, systemDeclaration.Span.Line);
                }

                break;
            case UnsupportedStatementSyntax unsupported:
                ReportUnsupported(unsupported);
                break;
        }
    }

    private void CollectEquation(EquationSyntax equation)
    {
        var name = equation.Target.Name;
        if (!equation.Target.Dimensions.IsEmpty)
        {
            diagnostics.Report(DiagnosticDescriptors.ShapeMismatch, equation.Target.Span, $"an equation names the whole state; declare its shape with 'state {name.Name}[{equation.Target.Dimensions.Length}]' and write {name.Name}' = ...");
            return;
        }

        if (names.TryGetValue(name.Name, out var entry))
        {
            if (entry.Kind != NameKind.State)
            {
                diagnostics.Report(DiagnosticDescriptors.DuplicateDefinition, name.Span, name.Name, entry.Description, entry.Span.Line);
                return;
            }

            var state = stateDeclarationsByName[name.Name];
            if (state.Equation is { } first)
            {
                diagnostics.Report(DiagnosticDescriptors.DuplicateEquation, equation.Target.Span, name.Name, first.Span.Line);
                return;
            }

            state.Equation = equation;
            return;
        }

        if (Declare(name, NameKind.State, equation))
        {
            AddStateDeclaration(new StateDeclaration(name.Name, name.Span) { Equation = equation });
        }
    }

    private void CollectState(StateDeclarationSyntax declaration)
    {
        var name = declaration.Target.Name;
        if (names.TryGetValue(name.Name, out var entry) && entry.Kind == NameKind.State)
        {
            var state = stateDeclarationsByName[name.Name];
            if (state.Declaration is null)
            {
                state.Declaration = declaration;
                return;
            }
        }

        if (Declare(name, NameKind.State, declaration))
        {
            AddStateDeclaration(new StateDeclaration(name.Name, name.Span) { Declaration = declaration });
        }
    }

    private void AddStateDeclaration(StateDeclaration state)
    {
        stateDeclarations.Add(state);
        stateDeclarationsByName[state.Name] = state;
    }

    private void CollectFunction(FunctionDefinitionSyntax function)
    {
        if (!Declare(function.Name, NameKind.Function, function))
        {
            return;
        }

        functions[function.Name.Name] = function;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var parameter in function.Parameters)
        {
            if (!seen.Add(parameter.Name))
            {
                diagnostics.Report(DiagnosticDescriptors.DuplicateFunctionParameter, parameter.Span, parameter.Name, function.Name.Name);
            }
        }
    }

    /// <summary>Adds a name to the model's one namespace; false (with a diagnostic) when it is reserved or taken.</summary>
    private bool Declare(NameSyntax name, NameKind kind, SyntaxNode syntax)
    {
        if (ReservedNames.TryGetValue(name.Name, out var reason))
        {
            diagnostics.Report(DiagnosticDescriptors.ReservedName, name.Span, name.Name, reason);
            return false;
        }

        if (BuiltinFunctionInfo.ByName.ContainsKey(name.Name))
        {
            diagnostics.Report(DiagnosticDescriptors.ReservedName, name.Span, name.Name, "it is a builtin function");
            return false;
        }

        if (names.TryGetValue(name.Name, out var existing))
        {
            diagnostics.Report(DiagnosticDescriptors.DuplicateDefinition, name.Span, name.Name, existing.Description, existing.Span.Line);
            return false;
        }

        names[name.Name] = new NameEntry(name.Name, kind, name.Span, syntax);
        declarationOrder.Add(name.Name);
        return true;
    }

    /// <summary>XPPAUT ignores case, so `r` and `R` would be one name there; warn once per pair.</summary>
    private void ReportCaseOnlyDifferences()
    {
        foreach (var group in declarationOrder.GroupBy(n => n.ToLowerInvariant()).Where(g => g.Count() > 1))
        {
            var first = group.First();
            foreach (var other in group.Skip(1))
            {
                diagnostics.Report(DiagnosticDescriptors.CaseOnlyDifference, names[other].Span, other, first);
            }
        }
    }

    private void ReportUnsupported(UnsupportedStatementSyntax unsupported)
    {
        var span = unsupported.Span;
        switch (unsupported.Construct)
        {
            case UnsupportedConstruct.Table:
                diagnostics.Report(DiagnosticDescriptors.UnsupportedTable, span);
                break;
            case UnsupportedConstruct.Markov:
                diagnostics.Report(DiagnosticDescriptors.UnsupportedMarkov, span);
                break;
            case UnsupportedConstruct.Wiener:
                diagnostics.Report(DiagnosticDescriptors.UnsupportedWiener, span);
                break;
            case UnsupportedConstruct.Global:
                diagnostics.Report(DiagnosticDescriptors.UnsupportedGlobal, span);
                break;
            case UnsupportedConstruct.Volterra:
                diagnostics.Report(DiagnosticDescriptors.UnsupportedVolterra, span);
                break;
            case UnsupportedConstruct.Map:
                diagnostics.Report(DiagnosticDescriptors.UnsupportedMap, span, unsupported.Name);
                break;
            case UnsupportedConstruct.Special:
                diagnostics.Report(DiagnosticDescriptors.UnsupportedSpecial, span);
                break;
            case UnsupportedConstruct.Set:
                diagnostics.Report(DiagnosticDescriptors.UnsupportedSet, span);
                break;
            case UnsupportedConstruct.BoundaryCondition:
                diagnostics.Report(DiagnosticDescriptors.UnsupportedStatement, span, unsupported.Name, "boundary-value problems are outside the ODE subset; give initial values instead");
                break;
            case UnsupportedConstruct.AlgebraicEquation:
                diagnostics.Report(DiagnosticDescriptors.UnsupportedStatement, span, unsupported.Name, "algebraic constraints (DAEs) are outside the ODE subset; solve for the variable and write it as a fixed quantity");
                break;
            case UnsupportedConstruct.Export:
                diagnostics.Report(DiagnosticDescriptors.UnsupportedStatement, span, unsupported.Name, "exporting to XPPAUT's C interface does not apply; write the function in the model");
                break;
            default:
                diagnostics.Report(DiagnosticDescriptors.UnsupportedStatement, span, unsupported.Name, "a model is one file; copy the included definitions into it");
                break;
        }
    }

    /// <summary>What the file says about one state before binding: its `state` line and its equation, in either order.</summary>
    private sealed class StateDeclaration(string name, SourceSpan span)
    {
        public string Name { get; } = name;

        public SourceSpan Span { get; } = span;

        public StateDeclarationSyntax? Declaration { get; set; }

        public EquationSyntax? Equation { get; set; }
    }
}
