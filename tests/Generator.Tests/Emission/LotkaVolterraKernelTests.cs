using OdeDsl.Generator.Emit;
using OdeDsl.Generator.Model;
using OdeDsl.Generator.Tests.Support;
using OdeDsl.Runtime.Systems;
using static TorchSharp.torch;

namespace OdeDsl.Generator.Tests.Emission;

/// <summary>The emitted kernels of a hand-written Lotka–Volterra spec against the formulas worked out on paper.</summary>
public sealed class LotkaVolterraKernelTests
{
    private static readonly Lazy<IOdeSystem> System = new(() =>
    {
        var file = SystemEmitter.Emit(HandWrittenSpecs.LotkaVolterra(), TypeTarget.ForModelFile("Models", "LotkaVolterra"));
        return RuntimeCompilation.CompileSystem(file.Text, "Models.LotkaVolterra");
    });

    private static readonly double[] Parameters = { 1.1, 0.4, 0.1, 0.4 };
    private static readonly double[] States = { 10, 5, 2.5, 0.5, 0.1, 3 };
    private static readonly double[] Cotangent = { 0.3, -1.2, 2, 0.5, -0.7, 0.25 };

    private static double[] ExpectedDerivative(double x, double y) =>
        new[] { 1.1 * x - 0.4 * x * y, 0.1 * x * y - 0.4 * y };

    private static double[] ExpectedJacobian(double x, double y) =>
        new[] { 1.1 - 0.4 * y, -0.4 * x, 0.1 * y, 0.1 * x - 0.4 };

    [Fact]
    public void Describes_names_sizes_and_defaults()
    {
        var system = System.Value;
        Assert.Equal("LotkaVolterra", system.Name);
        Assert.Equal(new[] { "x", "y" }, system.StateNames);
        Assert.Equal(new[] { "alpha", "beta", "delta", "gamma" }, system.ParameterNames);
        var defaults = new double[4];
        system.GetDefaultParameters(defaults);
        Assert.Equal(Parameters, defaults);
        var initial = new double[2];
        system.GetInitialState(defaults, initial);
        Assert.Equal(new[] { 10, 1.1 / 0.4 }, initial);
        var outputs = (IOdeOutputs)system;
        Assert.Equal(new[] { "prey", "predators" }, outputs.OutputNames);
        Assert.Equal(new[] { OdeOutputKind.Aux, OdeOutputKind.LogNormalObservation }, outputs.OutputKinds);
    }

    [Fact]
    public void Double_kernels_match_the_formulas()
    {
        var system = (IOdeKernel<double>)System.Value;
        var derivative = new double[6];
        system.Derivative(0.0, States, Parameters, derivative);
        var jacobian = new double[12];
        system.Jacobian(0.0, States, Parameters, jacobian);
        var stateCotangent = new double[6];
        var parameterCotangent = new double[12];
        var timeCotangent = new double[3] { 9, 9, 9 };
        system.Vjp(0.0, States, Parameters, Cotangent, stateCotangent, parameterCotangent, timeCotangent);

        for (var b = 0; b < 3; b++)
        {
            var (x, y) = (States[2 * b], States[2 * b + 1]);
            var (ax, ay) = (Cotangent[2 * b], Cotangent[2 * b + 1]);
            var j = ExpectedJacobian(x, y);
            Assert.Equal(ExpectedDerivative(x, y), derivative.Skip(2 * b).Take(2), Tolerance(1e-14));
            Assert.Equal(j, jacobian.Skip(4 * b).Take(4), Tolerance(1e-14));
            Assert.Equal(new[] { ax * j[0] + ay * j[2], ax * j[1] + ay * j[3] }, stateCotangent.Skip(2 * b).Take(2), Tolerance(1e-14));
            Assert.Equal(new[] { ax * x, -ax * x * y, ay * x * y, -ay * y }, parameterCotangent.Skip(4 * b).Take(4), Tolerance(1e-14));
            Assert.Equal(0.0, timeCotangent[b]);
        }
    }

    [Fact]
    public void Float_kernel_matches_the_double_kernel_to_single_precision()
    {
        var system = System.Value;
        var expected = new double[6];
        ((IOdeKernel<double>)system).Derivative(0.0, States, Parameters, expected);
        var actual = new float[6];
        ((IOdeKernel<float>)system).Derivative(0f, States.Select(v => (float)v).ToArray(), Parameters.Select(v => (float)v).ToArray(), actual);
        for (var i = 0; i < 6; i++) Assert.Equal(expected[i], actual[i], 1e-5 * Math.Max(1, Math.Abs(expected[i])));
    }

    [Fact]
    public void Tensor_kernels_match_the_cpu_kernels()
    {
        var system = System.Value;
        var cpu = (IOdeKernel<double>)system;
        using var states = tensor(States, new long[] { 3, 2 }, ScalarType.Float64);
        using var parameters = tensor(Parameters, ScalarType.Float64);
        using var cotangent = tensor(Cotangent, new long[] { 3, 2 }, ScalarType.Float64);
        using var t = tensor(0.0, ScalarType.Float64);

        var derivative = new double[6];
        cpu.Derivative(0.0, States, Parameters, derivative);
        using var tensorDerivative = system.Derivative(t, states, parameters);
        Assert.Equal(new long[] { 3, 2 }, tensorDerivative.shape);
        Assert.Equal(derivative, tensorDerivative.data<double>().ToArray(), Tolerance(1e-14));

        var jacobian = new double[12];
        cpu.Jacobian(0.0, States, Parameters, jacobian);
        using var tensorJacobian = system.Jacobian(t, states, parameters);
        Assert.Equal(new long[] { 3, 2, 2 }, tensorJacobian.shape);
        Assert.Equal(jacobian, tensorJacobian.data<double>().ToArray(), Tolerance(1e-14));

        var stateCotangent = new double[6];
        var parameterCotangent = new double[12];
        var timeCotangent = new double[3];
        cpu.Vjp(0.0, States, Parameters, Cotangent, stateCotangent, parameterCotangent, timeCotangent);
        var (state, parameter, time) = system.Vjp(t, states, parameters, cotangent);
        using (state)
        using (parameter)
        using (time)
        {
            Assert.Equal(stateCotangent, state.data<double>().ToArray(), Tolerance(1e-14));
            Assert.Equal(parameterCotangent, parameter.data<double>().ToArray(), Tolerance(1e-14));
            Assert.Equal(new long[] { 3 }, time.shape);
            Assert.Equal(timeCotangent, time.data<double>().ToArray(), Tolerance(1e-14));
        }
    }

    [Fact]
    public void Wrong_sizes_are_argument_errors_that_name_the_span()
    {
        var system = (IOdeKernel<double>)System.Value;
        var error = Assert.Throws<ArgumentException>(() => system.Derivative(0.0, new double[3], Parameters, new double[3]));
        Assert.Equal("states", error.ParamName);
        error = Assert.Throws<ArgumentException>(() => system.Derivative(0.0, States, Parameters, new double[4]));
        Assert.Equal("derivatives", error.ParamName);
    }

    private static IEqualityComparer<double> Tolerance(double relative) =>
        EqualityComparer<double>.Create((a, b) => Math.Abs(a - b) <= relative * Math.Max(1, Math.Abs(a)), _ => 0);
}
