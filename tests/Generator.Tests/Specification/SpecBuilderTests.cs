using OdeDsl.Generator.Emit;
using OdeDsl.Generator.Model;
using OdeDsl.Generator.Specification;
using OdeDsl.Generator.Tests.Support;
using OdeDsl.Language.Differentiation;

namespace OdeDsl.Generator.Tests.Specification;

/// <summary>IR built by hand → spec → emitted C# → compiled, against the IR evaluator.</summary>
public sealed class SpecBuilderTests
{
    public static TheoryData<string> Models => new() { nameof(IrModels.LotkaVolterra), nameof(IrModels.KitchenSink) };

    private static DifferentiatedSystem Model(string name) => name switch
    {
        nameof(IrModels.LotkaVolterra) => IrModels.LotkaVolterra(),
        _ => IrModels.KitchenSink(),
    };

    [Theory]
    [MemberData(nameof(Models))]
    public void Emitted_kernels_agree_with_the_ir_evaluator(string name)
    {
        var reference = Model(name);
        var spec = SpecBuilder.Build(reference, name + ".ode");
        var file = SystemEmitter.Emit(spec, TypeTarget.ForModelFile("Models", name));
        var system = RuntimeCompilation.CompileSystem(file.Text, "Models." + name);
        for (var seed = 1; seed <= 5; seed++) KernelAgreement.AssertAgrees(reference, system, seed);
    }

    [Fact]
    public void Initial_state_and_defaults_come_from_the_ir()
    {
        var spec = SpecBuilder.Build(IrModels.LotkaVolterra(), "lotka.ode");
        var system = RuntimeCompilation.CompileSystem(SystemEmitter.Emit(spec, TypeTarget.ForModelFile("Models", "Lotka")).Text, "Models.Lotka");
        var parameters = new double[5];
        system.GetDefaultParameters(parameters);
        Assert.Equal(new[] { 1.1, 0.4, 0.1, 0.4, 10 }, parameters);
        parameters[4] = 42;
        var state = new double[2];
        system.GetInitialState(parameters, state);
        Assert.Equal(new[] { 42.0, 5.0 }, state);
        Assert.Equal(new[] { new SolverOptionSpec("dt", "0.1"), new SolverOptionSpec("total", "15"), new SolverOptionSpec("meth", "DormandPrince54") }, spec.Options);
    }

    [Fact]
    public void Equal_models_give_equal_specs_so_the_generator_can_cache()
    {
        Assert.Equal(SpecBuilder.Build(IrModels.KitchenSink(), "k.ode"), SpecBuilder.Build(IrModels.KitchenSink(), "k.ode"));
        Assert.Equal(SpecBuilder.Build(IrModels.KitchenSink(), "k.ode").GetHashCode(), SpecBuilder.Build(IrModels.KitchenSink(), "k.ode").GetHashCode());
        Assert.NotEqual(SpecBuilder.Build(IrModels.KitchenSink(), "k.ode"), SpecBuilder.Build(IrModels.LotkaVolterra(), "k.ode"));
    }

    [Fact]
    public void Parameter_only_subexpressions_are_hoisted_out_of_the_batch_loop()
    {
        var text = SystemEmitter.Emit(SpecBuilder.Build(IrModels.KitchenSink(), "k.ode"), TypeTarget.ForModelFile("Models", "KitchenSink")).Text;
        var derivative = text.Substring(text.IndexOf("public void Derivative(double", StringComparison.Ordinal));
        var loop = derivative.IndexOf("for (int trajectory", StringComparison.Ordinal);
        var exponential = derivative.IndexOf("global::System.Math.Exp(c)", StringComparison.Ordinal);
        Assert.InRange(exponential, 0, loop);
    }
}
