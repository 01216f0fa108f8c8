using OdeDsl.Runtime.Systems;

namespace OdeDsl.Generator.Tests.Corpus;

/// <summary>The fused CPU kernels allocate nothing per call (after the JIT has compiled them).</summary>
public sealed class AllocationTests
{
    [Theory]
    [InlineData("lotka_volterra.ode")]
    [InlineData("spiral_mlp.ode")]
    [InlineData("vector_ops.ode")]
    [InlineData("sir.ode")]
    public void Cpu_kernels_do_not_allocate(string file)
    {
        var system = Support.Corpus.SystemFor(file);
        var cpu = (IOdeKernel<double>)system;
        var outputs = (IOdeOutputs)system;
        int n = system.StateCount, p = system.ParameterCount, m = outputs.OutputNames.Count, batch = 64;
        var parameters = new double[p];
        system.GetDefaultParameters(parameters);
        var states = Enumerable.Range(0, batch * n).Select(i => 0.01 * i).ToArray();
        var derivative = new double[batch * n];
        var jacobian = new double[batch * n * n];
        var (stateCotangent, parameterCotangent, timeCotangent) = (new double[batch * n], new double[batch * p], new double[batch]);
        var outputValues = new double[batch * m];
        var outputCotangent = new double[batch * m];

        void Call()
        {
            cpu.Derivative(0.5, states, parameters, derivative);
            cpu.Vjp(0.5, states, parameters, derivative, stateCotangent, parameterCotangent, timeCotangent);
            cpu.Jacobian(0.5, states, parameters, jacobian);
            outputs.Outputs(0.5, states, parameters, outputValues);
            outputs.OutputVjp(0.5, states, parameters, outputCotangent, stateCotangent, parameterCotangent, timeCotangent);
        }

        for (var i = 0; i < 3; i++) Call();
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 100; i++) Call();
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
