using System.Collections.Generic;
using System.Linq;
using OdeDsl.Generator.Model;

namespace OdeDsl.Generator.Emit;

/// <summary>
/// Writes the fused CPU kernels for one floating-point type: one loop over the batch, per trajectory
/// only the statements that depend on its state, everything that depends on θ and t alone hoisted
/// above the loop, named locals throughout, and no allocation.
/// </summary>
public sealed class CpuKernelEmitter
{
    private const string Span = "global::System.Span";
    private const string ReadOnlySpan = "global::System.ReadOnlySpan";

    private readonly SystemSpec spec;
    private readonly NumericType type;
    private readonly SourceWriter writer;

    public CpuKernelEmitter(SystemSpec spec, NumericType type, SourceWriter writer)
    {
        this.spec = spec;
        this.type = type;
        this.writer = writer;
    }

    private int StateCount => spec.States.Count;

    private int ParameterCount => spec.Parameters.Count;

    private string T => type.Keyword;

    public void EmitDerivative()
    {
        writer.Line("/// <inheritdoc />");
        writer.Open($"public void Derivative({T} t, {ReadOnlySpan}<{T}> states, {ReadOnlySpan}<{T}> parameters, {Span}<{T}> derivatives)");
        EmitBatchLoop(
            spec.Derivative,
            cotangentWidth: 0,
            new[] { new OutputRow(OutputTarget.Value, "derivatives", "derivativeRow", StateCount) });
        writer.Close();
    }

    public void EmitVjp()
    {
        writer.Line("/// <inheritdoc />");
        writer.Open($"public void Vjp({T} t, {ReadOnlySpan}<{T}> states, {ReadOnlySpan}<{T}> parameters, {ReadOnlySpan}<{T}> cotangent, " +
                    $"{Span}<{T}> stateCotangent, {Span}<{T}> parameterCotangent, {Span}<{T}> timeCotangent)");
        EmitBatchLoop(spec.Vjp, cotangentWidth: StateCount, CotangentRows(), index => "a_" + spec.States[index].Identifier);
        writer.Close();
    }

    public void EmitJacobian()
    {
        writer.Line("/// <inheritdoc />");
        writer.Open($"public void Jacobian({T} t, {ReadOnlySpan}<{T}> states, {ReadOnlySpan}<{T}> parameters, {Span}<{T}> jacobian)");
        EmitBatchLoop(
            spec.Jacobian,
            cotangentWidth: 0,
            new[] { new OutputRow(OutputTarget.Jacobian, "jacobian", "jacobianRow", StateCount * StateCount) });
        writer.Close();
    }

    public void EmitOutputs()
    {
        writer.Line("/// <inheritdoc />");
        writer.Open($"public void Outputs({T} t, {ReadOnlySpan}<{T}> states, {ReadOnlySpan}<{T}> parameters, {Span}<{T}> outputs)");
        EmitBatchLoop(
            spec.OutputValues,
            cotangentWidth: 0,
            new[] { new OutputRow(OutputTarget.Value, "outputs", "outputRow", spec.Outputs.Count) });
        writer.Close();
    }

    public void EmitOutputVjp()
    {
        writer.Line("/// <inheritdoc />");
        writer.Open($"public void OutputVjp({T} t, {ReadOnlySpan}<{T}> states, {ReadOnlySpan}<{T}> parameters, {ReadOnlySpan}<{T}> cotangent, " +
                    $"{Span}<{T}> stateCotangent, {Span}<{T}> parameterCotangent, {Span}<{T}> timeCotangent)");
        EmitBatchLoop(spec.OutputVjp, cotangentWidth: spec.Outputs.Count, CotangentRows(), index => "a_" + GeneratedNames.Identifier(spec.Outputs[index].Name));
        writer.Close();
    }

    /// <summary>The initial state: parameters in, one state row out, no batch.</summary>
    public void EmitInitialState()
    {
        writer.Line("/// <inheritdoc />");
        writer.Open($"public void GetInitialState({ReadOnlySpan}<{T}> parameters, {Span}<{T}> state)");
        writer.Line("RequireLength(parameters.Length, ParameterLength, nameof(parameters));");
        writer.Line("RequireLength(state.Length, StateLength, nameof(state));");
        var plan = KernelPlan.Create(spec.InitialState);
        var expressions = Expressions(index => "a_" + index.ToString(System.Globalization.CultureInfo.InvariantCulture));
        EmitParameterLoads(plan);
        foreach (var statement in plan.Hoisted.Concat(plan.PerTrajectory)) EmitStatement(statement, expressions);
        var nonZero = spec.InitialState.Outputs.Where(o => o.Value is not Constant { Value: 0.0 }).ToList();
        if (nonZero.Count < StateCount) writer.Line("state.Clear();");
        foreach (var output in nonZero)
        {
            writer.Line($"state[{output.Index}] = {expressions.Write(output.Value)};");
        }
        writer.Close();
    }

    private OutputRow[] CotangentRows() => new[]
    {
        new OutputRow(OutputTarget.StateCotangent, "stateCotangent", "stateCotangentRow", StateCount),
        new OutputRow(OutputTarget.ParameterCotangent, "parameterCotangent", "parameterCotangentRow", ParameterCount),
        new OutputRow(OutputTarget.TimeCotangent, "timeCotangent", "", 1),
    };

    private void EmitBatchLoop(KernelSpec kernel, int cotangentWidth, IReadOnlyList<OutputRow> rows, System.Func<int, string>? cotangentName = null)
    {
        var plan = KernelPlan.Create(kernel);
        var cotangentNames = cotangentName ?? (index => "a_" + index.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var expressions = Expressions(cotangentNames);

        // Shapes are checked once per call, so the loop below runs without surprises.
        writer.Line($"int {GeneratedNames.Batch} = BatchSize(states.Length, parameters.Length);");
        if (cotangentWidth > 0) writer.Line($"RequireLength(cotangent.Length, {GeneratedNames.Batch} * {cotangentWidth}, nameof(cotangent));");
        foreach (var row in rows)
        {
            var length = row.Width == 1 ? GeneratedNames.Batch : $"{GeneratedNames.Batch} * {row.Width}";
            writer.Line($"RequireLength({row.Span}.Length, {length}, nameof({row.Span}));");
        }

        EmitParameterLoads(plan);
        foreach (var statement in plan.Hoisted) EmitStatement(statement, expressions);

        writer.Open($"for (int {GeneratedNames.Trajectory} = 0; {GeneratedNames.Trajectory} < {GeneratedNames.Batch}; {GeneratedNames.Trajectory}++)");
        if (plan.States.Count > 0)
        {
            writer.Line($"var stateRow = states.Slice({GeneratedNames.Trajectory} * StateLength, StateLength);");
            foreach (var index in plan.States) writer.Line($"{T} {spec.States[index].Identifier} = stateRow[{index}];");
        }
        if (plan.Cotangents.Count > 0)
        {
            writer.Line($"var cotangentRow = cotangent.Slice({GeneratedNames.Trajectory} * {cotangentWidth}, {cotangentWidth});");
            foreach (var index in plan.Cotangents) writer.Line($"{T} {cotangentNames(index)} = cotangentRow[{index}];");
        }
        foreach (var statement in plan.PerTrajectory) EmitStatement(statement, expressions);

        foreach (var row in rows)
        {
            var outputs = kernel.Outputs.Where(o => o.Target == row.Target).OrderBy(o => o.Index).ToList();
            if (row.Width == 0) continue;
            if (row.Target == OutputTarget.TimeCotangent)
            {
                var value = outputs.Count > 0 ? expressions.Write(outputs[0].Value) : type.Zero;
                writer.Line($"timeCotangent[{GeneratedNames.Trajectory}] = {value};");
                continue;
            }
            writer.Line($"var {row.RowName} = {row.Span}.Slice({GeneratedNames.Trajectory} * {row.Width}, {row.Width});");
            // Structural zeros are cleared in one go rather than written one by one; kernels overwrite their outputs.
            var nonZero = outputs.Where(o => o.Value is not Constant { Value: 0.0 }).ToList();
            if (nonZero.Count < row.Width) writer.Line($"{row.RowName}.Clear();");
            foreach (var output in nonZero)
            {
                writer.Line($"{row.RowName}[{output.Index}] = {expressions.Write(output.Value)};");
            }
        }
        writer.Close();
    }

    private void EmitParameterLoads(KernelPlan plan)
    {
        foreach (var index in plan.Parameters) writer.Line($"{T} {spec.Parameters[index].Identifier} = parameters[{index}];");
    }

    private void EmitStatement(KernelStatement statement, CpuExpressionWriter expressions)
    {
        if (statement.Comment is not null) writer.Line("// " + statement.Comment);
        writer.Line($"{T} {statement.Local} = {expressions.Write(statement.Value)};");
    }

    /// <summary>The cotangent of state <c>x</c> is <c>a_x</c> (Chen et al.'s adjoint <c>a</c>).</summary>
    private CpuExpressionWriter Expressions(System.Func<int, string> cotangentName) => new(
        type,
        index => spec.States[index].Identifier,
        index => spec.Parameters[index].Identifier,
        cotangentName);

    private sealed record OutputRow(OutputTarget Target, string Span, string RowName, int Width);
}
