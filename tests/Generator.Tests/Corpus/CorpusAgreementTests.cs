using OdeDsl.Generator.Tests.Support;

namespace OdeDsl.Generator.Tests.Corpus;

/// <summary>
/// For every corpus model: the kernels the generator emits (CPU double, tensor; forward, VJP,
/// Jacobian, outputs and their VJP) agree with the language's IR evaluator to 1e-12 at random points.
/// </summary>
public sealed class CorpusAgreementTests
{
    public static TheoryData<string> Models => new(Support.Corpus.ModelFiles);

    [Theory]
    [MemberData(nameof(Models))]
    public void Generated_kernels_agree_with_the_ir_evaluator(string file)
    {
        var reference = Support.Corpus.Reference(file);
        var system = Support.Corpus.SystemFor(file);
        for (var seed = 1; seed <= 3; seed++) KernelAgreement.AssertAgrees(reference, system, seed);
    }

    [Theory]
    [MemberData(nameof(Models))]
    public void Float_kernels_follow_the_double_kernels(string file)
    {
        var system = Support.Corpus.SystemFor(file);
        int n = system.StateCount, p = system.ParameterCount, batch = 3;
        var random = new Random(7);
        var parameters = new double[p];
        system.GetDefaultParameters(parameters);
        var states = Enumerable.Range(0, batch * n).Select(_ => random.NextDouble()).ToArray();
        var expected = new double[batch * n];
        ((Runtime.Systems.IOdeKernel<double>)system).Derivative(0.25, states, parameters, expected);
        var actual = new float[batch * n];
        ((Runtime.Systems.IOdeKernel<float>)system).Derivative(0.25f, states.Select(v => (float)v).ToArray(), parameters.Select(v => (float)v).ToArray(), actual);
        for (var i = 0; i < actual.Length; i++)
        {
            Assert.True(Math.Abs(expected[i] - actual[i]) <= 1e-4 * Math.Max(1, Math.Abs(expected[i])), $"{file}: [{i}] {expected[i]} vs {actual[i]}");
        }
    }

    [Theory]
    [MemberData(nameof(Models))]
    public void Float32_tensor_kernels_follow_the_float64_ones(string file)
    {
        var system = Support.Corpus.SystemFor(file);
        int n = system.StateCount, batch = 3;
        var parameters = new double[system.ParameterCount];
        system.GetDefaultParameters(parameters);
        var random = new Random(11);
        var states = Enumerable.Range(0, batch * n).Select(_ => random.NextDouble()).ToArray();
        using var scope = TorchSharp.torch.NewDisposeScope();
        double[] Run(TorchSharp.torch.ScalarType type) => system.Derivative(
                TorchSharp.torch.tensor(0.25, type),
                TorchSharp.torch.tensor(states, [batch, n], TorchSharp.torch.ScalarType.Float64).to_type(type),
                TorchSharp.torch.tensor(parameters, TorchSharp.torch.ScalarType.Float64).to_type(type))
            .to_type(TorchSharp.torch.ScalarType.Float64).data<double>().ToArray();
        var expected = Run(TorchSharp.torch.ScalarType.Float64);
        var actual = Run(TorchSharp.torch.ScalarType.Float32);
        for (var i = 0; i < actual.Length; i++)
        {
            Assert.True(Math.Abs(expected[i] - actual[i]) <= 1e-4 * Math.Max(1, Math.Abs(expected[i])), $"{file}: [{i}] {expected[i]} vs {actual[i]}");
        }
    }

    [Fact]
    public void The_ode_and_attributed_forms_of_the_pendulum_give_identical_results()
    {
        var fromModel = Support.Corpus.System("Sample.Pendulum");
        var fromClass = Support.Corpus.System("Physics.Pendulum");
        Assert.Equal(fromModel.StateNames, fromClass.StateNames);
        Assert.Equal(fromModel.ParameterNames, fromClass.ParameterNames);
        var parameters = new double[fromModel.ParameterCount];
        fromModel.GetDefaultParameters(parameters);
        var other = new double[parameters.Length];
        fromClass.GetDefaultParameters(other);
        Assert.Equal(parameters, other);
        var states = new[] { 0.3, -1.2, 2.0, 0.5 };
        var cotangent = new[] { 1.0, 0.5, -0.25, 2.0 };
        double[] Run(Runtime.Systems.IOdeSystem system)
        {
            var derivative = new double[4];
            var jacobian = new double[8];
            var (stateCotangent, parameterCotangent, timeCotangent) = (new double[4], new double[2 * parameters.Length], new double[2]);
            ((Runtime.Systems.IOdeKernel<double>)system).Derivative(0.5, states, parameters, derivative);
            ((Runtime.Systems.IOdeKernel<double>)system).Jacobian(0.5, states, parameters, jacobian);
            ((Runtime.Systems.IOdeKernel<double>)system).Vjp(0.5, states, parameters, cotangent, stateCotangent, parameterCotangent, timeCotangent);
            return derivative.Concat(jacobian).Concat(stateCotangent).Concat(parameterCotangent).Concat(timeCotangent).ToArray();
        }
        Assert.Equal(Run(fromModel), Run(fromClass));
    }
}
