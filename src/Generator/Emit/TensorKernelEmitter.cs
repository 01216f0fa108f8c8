using System.Collections.Generic;
using System.Linq;
using OdeDsl.Generator.Model;

namespace OdeDsl.Generator.Emit;

/// <summary>
/// Writes the tensor kernels: the same statements as the CPU kernels, as TorchSharp operations on
/// <c>[B]</c> columns, stacked into the <c>[B, n]</c> results. Intermediates live in a dispose scope;
/// only the results leave it.
/// </summary>
public sealed class TensorKernelEmitter
{
    private const string Tensor = "global::TorchSharp.torch.Tensor";

    private readonly SystemSpec spec;
    private readonly SourceWriter writer;

    public TensorKernelEmitter(SystemSpec spec, SourceWriter writer)
    {
        this.spec = spec;
        this.writer = writer;
    }

    public void EmitDerivative()
    {
        writer.Line("/// <inheritdoc />");
        writer.Open($"public {Tensor} Derivative({Tensor} t, {Tensor} states, {Tensor} parameters)");
        var columns = EmitBody(spec.Derivative, null);
        writer.Line($"return scope.MoveToOuter({Stack(columns(OutputTarget.Value, spec.States.Count))});");
        writer.Close();
    }

    public void EmitVjp()
    {
        writer.Line("/// <inheritdoc />");
        writer.Open($"public ({Tensor} State, {Tensor} Parameters, {Tensor} Time) Vjp({Tensor} t, {Tensor} states, {Tensor} parameters, {Tensor} cotangent)");
        var columns = EmitBody(spec.Vjp, index => "a_" + spec.States[index].Identifier);
        writer.Line($"var stateCotangent = {Stack(columns(OutputTarget.StateCotangent, spec.States.Count))};");
        writer.Line($"var parameterCotangent = {Stack(columns(OutputTarget.ParameterCotangent, spec.Parameters.Count))};");
        writer.Line($"var timeCotangent = {columns(OutputTarget.TimeCotangent, 1)[0]};");
        writer.Line("return (scope.MoveToOuter(stateCotangent), scope.MoveToOuter(parameterCotangent), scope.MoveToOuter(timeCotangent));");
        writer.Close();
    }

    public void EmitOutputs()
    {
        writer.Line("/// <inheritdoc />");
        writer.Open($"public {Tensor} Outputs({Tensor} t, {Tensor} states, {Tensor} parameters)");
        var columns = EmitBody(spec.OutputValues, null);
        writer.Line($"return scope.MoveToOuter({Stack(columns(OutputTarget.Value, spec.Outputs.Count))});");
        writer.Close();
    }

    public void EmitOutputVjp()
    {
        writer.Line("/// <inheritdoc />");
        writer.Open($"public ({Tensor} State, {Tensor} Parameters, {Tensor} Time) OutputVjp({Tensor} t, {Tensor} states, {Tensor} parameters, {Tensor} cotangent)");
        var columns = EmitBody(spec.OutputVjp, index => "a_" + GeneratedNames.Identifier(spec.Outputs[index].Name));
        writer.Line($"var stateCotangent = {Stack(columns(OutputTarget.StateCotangent, spec.States.Count))};");
        writer.Line($"var parameterCotangent = {Stack(columns(OutputTarget.ParameterCotangent, spec.Parameters.Count))};");
        writer.Line($"var timeCotangent = {columns(OutputTarget.TimeCotangent, 1)[0]};");
        writer.Line("return (scope.MoveToOuter(stateCotangent), scope.MoveToOuter(parameterCotangent), scope.MoveToOuter(timeCotangent));");
        writer.Close();
    }

    public void EmitJacobian()
    {
        writer.Line("/// <inheritdoc />");
        writer.Open($"public {Tensor} Jacobian({Tensor} t, {Tensor} states, {Tensor} parameters)");
        var columns = EmitBody(spec.Jacobian, null);
        var n = spec.States.Count;
        writer.Line($"return scope.MoveToOuter({Stack(columns(OutputTarget.Jacobian, n * n))}.reshape({GeneratedNames.Batch}, {n}, {n}));");
        writer.Close();
    }

    /// <summary>
    /// Writes the statements and returns a function giving, for an output row, one <c>[B]</c> column
    /// expression per element.
    /// </summary>
    private System.Func<OutputTarget, int, IReadOnlyList<string>> EmitBody(KernelSpec kernel, System.Func<int, string>? cotangentName)
    {
        var plan = KernelPlan.Create(kernel);
        var expressions = new TensorExpressionWriter(
            index => spec.States[index].Identifier,
            index => spec.Parameters[index].Identifier,
            cotangentName ?? (index => "a_" + index.ToString(System.Globalization.CultureInfo.InvariantCulture)));

        writer.Line("using var scope = global::TorchSharp.torch.NewDisposeScope();");
        writer.Line($"long {GeneratedNames.Batch} = states.shape[0];");
        foreach (var index in plan.Parameters) writer.Line($"var {spec.Parameters[index].Identifier} = parameters[{index}];");
        foreach (var index in plan.States) writer.Line($"var {spec.States[index].Identifier} = states.select(1, {index});");
        foreach (var index in plan.Cotangents)
        {
            writer.Line($"var {(cotangentName ?? (i => "a_" + i))(index)} = cotangent.select(1, {index});");
        }
        foreach (var statement in plan.Hoisted.Concat(plan.PerTrajectory))
        {
            if (statement.Comment is not null) writer.Line("// " + statement.Comment);
            writer.Line($"var {statement.Local} = {expressions.WriteTensor(statement.Value)};");
        }

        return (target, width) =>
        {
            var byIndex = kernel.Outputs.Where(o => o.Target == target).ToDictionary(o => o.Index, o => o.Value);
            return Enumerable.Range(0, width)
                .Select(index =>
                {
                    var value = byIndex.TryGetValue(index, out var expression) ? expression : Constant.Zero;
                    // Outputs that do not depend on the trajectory are scalars; broadcast them to a column.
                    return plan.IsInvariant(value)
                        ? $"Column({expressions.WriteTensor(value)}, {GeneratedNames.Batch})"
                        : expressions.WriteTensor(value);
                })
                .ToList();
        };
    }

    private static string Stack(IReadOnlyList<string> columns) => columns.Count == 0
        ? $"global::TorchSharp.torch.zeros(new long[] {{ {GeneratedNames.Batch}, 0 }}, dtype: states.dtype, device: states.device)"
        : "global::TorchSharp.torch.stack(new[] { " + string.Join(", ", columns) + " }, 1)";
}
