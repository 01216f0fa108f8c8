using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using OdeDsl.Generator.Emit;
using OdeDsl.Generator.Model;
using OdeDsl.Language.Differentiation;
using OdeDsl.Language.IR;

namespace OdeDsl.Generator.Specification;

/// <summary>
/// <see cref="DifferentiatedSystem"/> → <see cref="SystemSpec"/>: the last step that sees IR nodes.
/// Everything after it (caching, emission) works on strings and numbers only.
/// </summary>
public static class SpecBuilder
{
    /// <exception cref="UnsupportedModelException">The model uses something generated kernels cannot express yet.</exception>
    /// <remarks>Input k becomes θ entry <c>ParameterCount + k</c> (docs/generator.md, "Inputs").</remarks>
    /// <param name="sourceLines">The model's text split into lines, for the equation comments (the equation's line as written); null to use the IR's equation text.</param>
    public static SystemSpec Build(DifferentiatedSystem differentiated, string sourceFileName, IReadOnlyList<string>? sourceLines = null)
    {
        var system = differentiated.System;
        var identifiers = new HashSet<string>();
        string Unique(string name)
        {
            var identifier = GeneratedNames.Identifier(name);
            var candidate = identifier;
            for (var suffix = 2; !identifiers.Add(candidate); suffix++) candidate = identifier + "_" + suffix;
            return candidate;
        }

        var states = system.States.Select(s => new VariableSpec(s.Name, Unique(s.Name), s.SourceLine)).ToEquatableArray();
        // Inputs take the slots after θ's parameters: kernels, VJPs and Jacobians keep their signature, and the
        // VJP's parameter cotangent of an input slot is ∂f/∂u, which a time-varying input needs for du/dt.
        var parameters = system.Parameters.Select(p => new VariableSpec(p.Name, Unique(p.Name)))
            .Concat(system.Inputs.Select(input => new VariableSpec(input, Unique(input))))
            .ToEquatableArray();
        var outputs = system.Auxiliaries.Select(a => new OutputSpec(a.Name, OutputKind.Aux))
            .Concat(system.Observations.Select(o => new OutputSpec(
                o.Name, OutputKind.Observe, o.Noise == ObservationNoise.LogNormal ? "lognormal" : "normal")))
            .ToEquatableArray();
        // Cotangent locals are a_<state> / a_<output>; keep temporaries and derivative names clear of them.
        var reserved = identifiers
            .Concat(states.Select(s => "a_" + s.Identifier))
            .Concat(outputs.Select(o => "a_" + GeneratedNames.Identifier(o.Name)))
            .ToList();
        var inputSlot = system.ParameterCount;

        return new SystemSpec(
            system.Name,
            sourceFileName,
            states,
            parameters,
            system.Parameters.Select(p => p.DefaultValue).Concat(system.Inputs.Select(_ => 0.0)).ToEquatableArray(),
            outputs,
            Options(system.Options),
            InitialState(system, reserved, inputSlot),
            Derivative(system, states, sourceFileName, sourceLines, reserved, inputSlot),
            Vjp(differentiated.DerivativeVjp, reserved, inputSlot),
            Jacobian(differentiated.Jacobian, reserved, inputSlot),
            OutputValues(system, reserved, inputSlot),
            OutputVjp(differentiated, reserved, inputSlot),
            system.Inputs.ToEquatableArray());
    }

    private static EquatableArray<SolverOptionSpec> Options(IrOptions options)
    {
        var values = options.Values.Select(pair => new SolverOptionSpec(pair.Key, pair.Value.ToString("R", CultureInfo.InvariantCulture)));
        if (options.Method is not null) values = values.Concat(new[] { new SolverOptionSpec("meth", options.Method) });
        return values.ToEquatableArray();
    }

    private static KernelSpec InitialState(IrSystem system, IEnumerable<string> reserved, int inputSlot)
    {
        var translator = new KernelTranslator(reserved, inputSlot);
        var values = translator.Translate(system.InitialValues);
        return Kernel(translator, values.Select((value, index) => new KernelOutput(OutputTarget.Value, index, value)));
    }

    private static KernelSpec Derivative(IrSystem system, EquatableArray<VariableSpec> states, string sourceFileName, IReadOnlyList<string>? sourceLines, IEnumerable<string> reserved, int inputSlot)
    {
        var translator = new KernelTranslator(reserved, inputSlot);
        var names = system.States
            .Select((state, index) => ((string, string?)?)("d" + states[index].Identifier, Comment(sourceFileName, state, sourceLines)))
            .ToList();
        var values = translator.Translate(system.Derivatives, rootNames: names);
        return Kernel(translator, values.Select((value, index) => new KernelOutput(OutputTarget.Value, index, value)));
    }

    private static string? Comment(string sourceFileName, IrState state, IReadOnlyList<string>? sourceLines)
    {
        if (state.SourceLine <= 0) return null;
        // The line as written shows an XPPAUT array equation (x[1..5]' = ...) the way the user wrote it.
        var text = sourceLines is not null && state.SourceLine <= sourceLines.Count
            ? sourceLines[state.SourceLine - 1].Trim()
            : state.SourceText.Trim();
        return $"{sourceFileName}:{state.SourceLine.ToString(CultureInfo.InvariantCulture)}  {text}";
    }

    private static KernelSpec Vjp(IrVjp vjp, IEnumerable<string> reserved, int inputSlot)
    {
        var translator = new KernelTranslator(reserved, inputSlot);
        return Kernel(translator, VjpOutputs(translator, vjp, 0).Select(o => o.Output).ToList());
    }

    private static IEnumerable<(OutputTarget Target, int Index, KernelOutput Output)> VjpOutputs(KernelTranslator translator, IrVjp vjp, int cotangentOffset)
    {
        var values = translator.Translate(vjp.Outputs, cotangentOffset);
        var n = vjp.State.Length;
        // Input cotangents follow the parameter ones, as input slots follow the parameters in θ.
        var p = vjp.Parameters.Length + vjp.Inputs.Length;
        for (var i = 0; i < values.Count; i++)
        {
            var output = i < n
                ? new KernelOutput(OutputTarget.StateCotangent, i, values[i])
                : i < n + p
                    ? new KernelOutput(OutputTarget.ParameterCotangent, i - n, values[i])
                    : new KernelOutput(OutputTarget.TimeCotangent, 0, values[i]);
            yield return (output.Target, output.Index, output);
        }
    }

    private static KernelSpec Jacobian(IReadOnlyList<IrNode> jacobian, IEnumerable<string> reserved, int inputSlot)
    {
        var translator = new KernelTranslator(reserved, inputSlot);
        var values = translator.Translate(jacobian);
        return Kernel(translator, values.Select((value, index) => new KernelOutput(OutputTarget.Jacobian, index, value)));
    }

    private static KernelSpec OutputValues(IrSystem system, IEnumerable<string> reserved, int inputSlot)
    {
        var translator = new KernelTranslator(reserved, inputSlot);
        var roots = system.Auxiliaries.Select(a => a.Value).Concat(system.Observations.Select(o => o.Value)).ToList();
        var names = system.Auxiliaries.Select(a => a.Name).Concat(system.Observations.Select(o => o.Name))
            .Select(name => ((string, string?)?)(GeneratedNames.Identifier(name), null))
            .ToList();
        var values = translator.Translate(roots, rootNames: names);
        return Kernel(translator, values.Select((value, index) => new KernelOutput(OutputTarget.Value, index, value)));
    }

    /// <summary>
    /// Outputs are aux then observations, but the IR differentiates the two groups separately with
    /// cotangents numbered from 0 in each; the observation cotangents are shifted behind the aux ones
    /// and the two products added.
    /// </summary>
    private static KernelSpec OutputVjp(DifferentiatedSystem differentiated, IEnumerable<string> reserved, int inputSlot)
    {
        var translator = new KernelTranslator(reserved, inputSlot);
        var auxiliary = VjpOutputs(translator, differentiated.AuxiliaryVjp, 0).ToList();
        var observation = VjpOutputs(translator, differentiated.ObservationVjp, differentiated.System.Auxiliaries.Length).ToList();
        var sums = auxiliary.Concat(observation)
            .GroupBy(o => (o.Target, o.Index))
            .Select(group => new KernelOutput(
                group.Key.Target,
                group.Key.Index,
                group.Select(o => o.Output.Value).Where(v => v is not Constant { Value: 0.0 })
                    .Aggregate((SpecExpression?)null, (sum, term) => sum is null ? term : new BinaryExpression(BinaryOperator.Add, sum, term))
                    ?? Constant.Zero));
        return Kernel(translator, sums);
    }

    private static KernelSpec Kernel(KernelTranslator translator, IEnumerable<KernelOutput> outputs)
    {
        // Outputs first: translating them is what adds the statements.
        var written = outputs.ToEquatableArray();
        return new KernelSpec(translator.Statements.ToEquatableArray(), written);
    }
}
