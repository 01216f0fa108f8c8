using OdeDsl.Language.Differentiation;
using OdeDsl.Language.IR;
using OdeDsl.Runtime.Systems;
using static TorchSharp.torch;

namespace OdeDsl.Generator.Tests.Support;

/// <summary>
/// Checks a compiled system against the language's IR evaluator (the reference semantics) at random
/// states, parameters, times and cotangents, for every kernel and both backends. The generated θ is the IR's
/// parameters followed by its inputs, so the IR's parameter and input cotangents together are θ's cotangent.
/// </summary>
internal static class KernelAgreement
{
    public const double Tolerance = 1e-12;

    public static void AssertAgrees(DifferentiatedSystem reference, IOdeSystem generated, int seed, int batch = 4, double spread = 1.5)
    {
        var random = new Random(seed);
        var system = reference.System;
        int n = system.StateCount, p = system.ParameterCount + system.Inputs.Length;
        double Draw() => spread * (2 * random.NextDouble() - 1);
        var t = Draw();
        var parameters = system.Parameters.Select(parameter => parameter.DefaultValue + 0.1 * Draw())
            .Concat(system.Inputs.Select(_ => 1 + Draw())).ToArray();
        Assert.Equal(p, generated.ParameterCount);
        Assert.Equal<string>(system.Inputs, generated.InputNames);
        var states = Enumerable.Range(0, batch * n).Select(_ => Draw()).ToArray();
        var cotangent = Enumerable.Range(0, batch * n).Select(_ => Draw()).ToArray();
        var cpu = (IOdeKernel<double>)generated;

        var derivative = new double[batch * n];
        cpu.Derivative(t, states, parameters, derivative);
        var jacobian = new double[batch * n * n];
        cpu.Jacobian(t, states, parameters, jacobian);
        var stateCotangent = new double[batch * n];
        var parameterCotangent = new double[batch * p];
        var timeCotangent = new double[batch];
        cpu.Vjp(t, states, parameters, cotangent, stateCotangent, parameterCotangent, timeCotangent);

        for (var b = 0; b < batch; b++)
        {
            var row = states.Skip(b * n).Take(n).ToArray();
            var a = cotangent.Skip(b * n).Take(n).ToArray();
            var point = Point(system, t, row, parameters, a);
            AssertClose(IrEvaluator.Evaluate(system.Derivatives, point), derivative.Skip(b * n).Take(n), "derivative", b);
            AssertClose(IrEvaluator.Evaluate(reference.Jacobian, point), jacobian.Skip(b * n * n).Take(n * n), "jacobian", b);
            var vjp = reference.DerivativeVjp;
            AssertClose(IrEvaluator.Evaluate(vjp.State, point), stateCotangent.Skip(b * n).Take(n), "state cotangent", b);
            AssertClose(IrEvaluator.Evaluate([.. vjp.Parameters, .. vjp.Inputs], point), parameterCotangent.Skip(b * p).Take(p), "parameter cotangent", b);
            AssertClose(new[] { IrEvaluator.Evaluate(vjp.Time, point) }, new[] { timeCotangent[b] }, "time cotangent", b);
        }

        AssertOutputsAgree(reference, (IOdeOutputs)generated, t, states, parameters, random, batch);
        AssertTensorOutputsAgree((IOdeOutputs)generated, generated.StateCount, generated.ParameterCount, t, states, parameters, random, batch);
        AssertTensorsAgree(generated, t, states, parameters, cotangent, batch, derivative, jacobian, stateCotangent, parameterCotangent, timeCotangent);
    }

    private static void AssertOutputsAgree(DifferentiatedSystem reference, IOdeOutputs generated, double t, double[] states, double[] parameters, Random random, int batch)
    {
        var system = reference.System;
        int n = system.StateCount, p = system.ParameterCount + system.Inputs.Length, auxCount = system.Auxiliaries.Length, m = auxCount + system.Observations.Length;
        var cotangent = Enumerable.Range(0, batch * m).Select(_ => random.NextDouble() - 0.5).ToArray();
        var outputs = new double[batch * m];
        generated.Outputs(t, states, parameters, outputs);
        var stateCotangent = new double[batch * n];
        var parameterCotangent = new double[batch * p];
        var timeCotangent = new double[batch];
        generated.OutputVjp(t, states, parameters, cotangent, stateCotangent, parameterCotangent, timeCotangent);
        var roots = system.Auxiliaries.Select(a => a.Value).Concat(system.Observations.Select(o => o.Value)).ToList();
        for (var b = 0; b < batch; b++)
        {
            var row = states.Skip(b * n).Take(n).ToArray();
            var c = cotangent.Skip(b * m).Take(m).ToArray();
            AssertClose(IrEvaluator.Evaluate(roots, Point(system, t, row, parameters, null)), outputs.Skip(b * m).Take(m), "outputs", b);
            var aux = Point(system, t, row, parameters, c.Take(auxCount).ToArray());
            var observation = Point(system, t, row, parameters, c.Skip(auxCount).ToArray());
            double[] Sum(IReadOnlyList<IrNode> first, IReadOnlyList<IrNode> second) =>
                IrEvaluator.Evaluate(first, aux).Zip(IrEvaluator.Evaluate(second, observation), (u, v) => u + v).ToArray();
            AssertClose(Sum(reference.AuxiliaryVjp.State, reference.ObservationVjp.State), stateCotangent.Skip(b * n).Take(n), "output state cotangent", b);
            AssertClose(Sum([.. reference.AuxiliaryVjp.Parameters, .. reference.AuxiliaryVjp.Inputs], [.. reference.ObservationVjp.Parameters, .. reference.ObservationVjp.Inputs]),
                parameterCotangent.Skip(b * p).Take(p), "output parameter cotangent", b);
            AssertClose(Sum(new[] { reference.AuxiliaryVjp.Time }, new[] { reference.ObservationVjp.Time }), new[] { timeCotangent[b] }, "output time cotangent", b);
        }
    }

    /// <summary>The IR point for a generated θ: its first entries are the IR's parameters, the rest its inputs.</summary>
    private static IrPoint Point(IrSystem system, double t, double[] states, double[] parameters, double[]? cotangents) =>
        new(t, states, parameters.Take(system.ParameterCount).ToArray(), parameters.Skip(system.ParameterCount).ToArray(), cotangents);

    private static void AssertTensorOutputsAgree(IOdeOutputs generated, int n, int p, double t, double[] states, double[] parameters, Random random, int batch)
    {
        var m = generated.OutputNames.Count;
        var cotangent = Enumerable.Range(0, batch * m).Select(_ => random.NextDouble() - 0.5).ToArray();
        var outputs = new double[batch * m];
        generated.Outputs(t, states, parameters, outputs);
        var (stateCotangent, parameterCotangent, timeCotangent) = (new double[batch * n], new double[batch * p], new double[batch]);
        generated.OutputVjp(t, states, parameters, cotangent, stateCotangent, parameterCotangent, timeCotangent);

        using var scope = NewDisposeScope();
        var statesTensor = tensor(states, new long[] { batch, n }, ScalarType.Float64);
        var parametersTensor = tensor(parameters, ScalarType.Float64);
        var time = tensor(t, ScalarType.Float64);
        var tensorOutputs = generated.Outputs(time, statesTensor, parametersTensor);
        Assert.Equal(new long[] { batch, m }, tensorOutputs.shape);
        AssertClose(outputs, tensorOutputs.Values(), "tensor outputs", -1);
        var (state, parameter, timeResult) = generated.OutputVjp(time, statesTensor, parametersTensor, tensor(cotangent, new long[] { batch, m }, ScalarType.Float64));
        AssertClose(stateCotangent, state.Values(), "tensor output state cotangent", -1);
        AssertClose(parameterCotangent, parameter.Values(), "tensor output parameter cotangent", -1);
        AssertClose(timeCotangent, timeResult.Values(), "tensor output time cotangent", -1);
    }

    private static void AssertTensorsAgree(IOdeSystem generated, double t, double[] states, double[] parameters, double[] cotangent, int batch,
                                           double[] derivative, double[] jacobian, double[] stateCotangent, double[] parameterCotangent, double[] timeCotangent)
    {
        using var scope = NewDisposeScope();
        var n = generated.StateCount;
        var statesTensor = tensor(states, new long[] { batch, n }, ScalarType.Float64);
        var parametersTensor = tensor(parameters, ScalarType.Float64);
        var cotangentTensor = tensor(cotangent, new long[] { batch, n }, ScalarType.Float64);
        var time = tensor(t, ScalarType.Float64);
        AssertClose(derivative, generated.Derivative(time, statesTensor, parametersTensor).Values(), "tensor derivative", -1);
        AssertClose(jacobian, generated.Jacobian(time, statesTensor, parametersTensor).Values(), "tensor jacobian", -1);
        var (state, parameter, timeResult) = generated.Vjp(time, statesTensor, parametersTensor, cotangentTensor);
        AssertClose(stateCotangent, state.Values(), "tensor state cotangent", -1);
        AssertClose(parameterCotangent, parameter.Values(), "tensor parameter cotangent", -1);
        AssertClose(timeCotangent, timeResult.Values(), "tensor time cotangent", -1);
    }

    public static void AssertClose(IReadOnlyList<double> expected, IEnumerable<double> actual, string what, int trajectory)
    {
        var values = actual.ToArray();
        Assert.Equal(expected.Count, values.Length);
        for (var i = 0; i < values.Length; i++)
        {
            var scale = Math.Max(1, Math.Abs(expected[i]));
            Assert.True(
                Math.Abs(expected[i] - values[i]) <= Tolerance * scale || expected[i].Equals(values[i]),
                $"{what}[{i}] of trajectory {trajectory}: expected {expected[i]:R}, got {values[i]:R}");
        }
    }
}

internal static class TensorValues
{
    /// <summary>The elements in row-major order (TorchSharp's accessor throws on an empty tensor, e.g. [B, 0] for a system without outputs).</summary>
    public static double[] Values(this Tensor tensor) => tensor.numel() == 0 ? [] : tensor.contiguous().data<double>().ToArray();
}
