using OdeDsl.Language.Binding;
using OdeDsl.Language.Diagnostics;
using OdeDsl.Language.Tests.Support;

namespace OdeDsl.Language.Tests.Binding;

public sealed class BinderTests
{
    [Fact]
    public void States_are_declared_by_their_equations_in_order_and_tile_the_state_vector()
    {
        var system = Models.Bind("y' = x\nstate z[3]\nx' = -y\nz' = -z\n");

        Assert.Equal(["y", "z", "x"], system.States.Select(s => s.Name));
        Assert.Equal([0, 1, 4], system.States.Select(s => s.Offset));
        Assert.Equal(5, system.StateSize);
        Assert.Equal(system.States, system.Equations.Select(e => e.State));
    }

    [Fact]
    public void Initial_values_default_to_zero_and_later_ones_win()
    {
        var system = Models.Bind("x' = -x\ny' = -y\nz' = 1\ninit x=1\nx(0)=2\ny(0)=3\n");

        Assert.Equal(["2", "3", "0"], system.States.Select(s => s.InitialValue.ToString()));
    }

    [Fact]
    public void Fixed_and_derived_quantities_come_out_in_dependency_order()
    {
        var system = Models.Bind("c = b + 1\nb = a * 2\na = x\nx' = -c\n!e = d + 1\n!d = k\npar k=1\n");

        Assert.Equal(["a", "b", "c"], system.FixedQuantities.Select(f => f.Name));
        Assert.Equal(["d", "e"], system.Derived.Select(d => d.Name));
    }

    [Fact]
    public void User_functions_are_expanded_with_their_arguments()
    {
        const string text = "par k=2\nsq(u) = u*u\nf(u, v) = sq(u) + k*v\nx' = f(x + 1, t)\n";

        Assert.Equal("(((x + 1) * (x + 1)) + (k * t))", Models.Equation(text, "x"));
    }

    [Fact]
    public void Function_parameters_shadow_model_names_only_inside_the_function()
    {
        const string text = "par u=5\nf(u) = 2*u\nx' = f(x) + u\n";

        Assert.Equal("((2 * x) + u)", Models.Equation(text, "x"));
    }

    [Fact]
    public void Cycles_among_fixed_quantities_name_the_whole_cycle()
    {
        var error = Models.SingleError("a = c + x\nb = a\nc = b\nx' = -a\n");

        Assert.Equal("ODE2009", error.Code);
        Assert.Contains("a -> c -> b -> a", error.Message);
    }

    [Fact]
    public void A_function_calling_itself_is_reported_once()
    {
        var error = Models.SingleError("f(u) = f(u - 1)\nx' = f(x)\n");

        Assert.Equal("ODE2008", error.Code);
        Assert.Contains("f -> f", error.Message);
    }

    [Theory]
    [InlineData("x' = -bta*x", "did you mean 'beta'?")]
    [InlineData("x' = -Beta*x", "did you mean 'beta'?")]
    [InlineData("x' = sinn(x)", "did you mean 'sin'?")]
    [InlineData("x' = expp(x)", "did you mean 'exp'?")]
    public void Misspelt_names_get_the_nearest_suggestion(string line, string suggestion)
    {
        var error = Models.SingleError("par beta=1\n" + line + "\n");

        Assert.EndsWith(suggestion, error.Message);
    }

    [Fact]
    public void Errors_in_a_function_nobody_calls_are_still_reported()
    {
        var error = Models.SingleError("f(u) = u + undefined_thing\nx' = -x\n");

        Assert.Equal("ODE2001", error.Code);
    }

    [Fact]
    public void A_function_of_a_vector_is_checked_by_its_calls_not_as_a_scalar()
    {
        var system = Models.Bind("first(v) = v[0]\nnorm2(v) = dot(v, v)\nstate z[2] = [1, 2]\nz' = -z * norm2(z) + first(z)\n");

        Assert.Equal("(((-z) * dot(z, z)) + z[0])", system.Equations[0].Value.ToString());
    }

    [Fact]
    public void Fixed_quantities_may_declare_their_shape()
    {
        var system = Models.Bind("state z[2]\nw[2] = 1\nz' = -w*z\n");

        Assert.Equal("[1, 1]", system.FixedQuantities[0].Value.ToString());
        Assert.Equal("ODE2007", Models.SingleError("state z[2]\nw[3] = z\nz' = -z\n").Code);
    }

    [Fact]
    public void Scalars_broadcast_into_vector_states_and_parameters()
    {
        var system = Models.Bind("state z[3] = 1\npar w[3] = 0.5\nz' = -w*z + 1\n");

        Assert.Equal("[1, 1, 1]", system.States[0].InitialValue.ToString());
        Assert.Equal(Shape.Vector(3), system.Parameters[0].Value.Shape);
        Assert.Equal(Shape.Vector(3), system.Equations[0].Value.Shape);
    }

    [Theory]
    [InlineData("par A[2,3] = 1\npar v[3] = 1\nstate z[2]\nz' = A @ v\n", 1, 2)]
    [InlineData("par A[2,3] = 1\npar B[3,4] = 1\nx' = sum(A @ B)\n", 2, 2)]
    [InlineData("par u[3] = 1\npar v[3] = 2\nx' = u @ v\n", 0, 1)]
    public void Matrix_products_have_the_shapes_of_linear_algebra(string text, int rank, int rows)
    {
        var system = Models.Bind(text);

        var product = system.Equations[0].Value is BoundCallExpression call ? call.Arguments[0] : system.Equations[0].Value;
        Assert.Equal((rank, rows), (product.Shape.Rank, product.Shape.Rows));
    }

    [Fact]
    public void Indexing_a_matrix_row_gives_a_vector_and_an_element_a_scalar()
    {
        var system = Models.Bind("par A[2,3] = [[1, 2, 3], [4, 5, 6]]\nstate z[3]\nz' = A[1] + A[0, 2]\n");

        Assert.Equal(Shape.Vector(3), system.Equations[0].Value.Shape);
    }

    [Fact]
    public void Networks_know_their_sizes_and_pack_scalar_arguments()
    {
        var system = Models.Bind("net f = mlp(2, 50, 2)\nx' = f(x, y)[0]\ny' = f(x, y)[1]\n");

        var net = Assert.Single(system.Nets);
        Assert.Equal((2, 2, Activation.Tanh, true), (net.InputSize, net.OutputSize, net.Activation, net.HasBias));
        Assert.Equal(2 * 50 + 50 + 50 * 2 + 2, net.WeightCount);
        Assert.Equal("f([x, y])[0]", system.Equations[0].Value.ToString());
    }

    [Fact]
    public void Augmenting_appends_zero_initialised_dimensions()
    {
        var state = Models.Bind("state z[2] = [2, 1]\naugment z by 3\nnet f = mlp(5, 8, 5, act=relu)\nz' = f(z)\n").States.Single();

        Assert.Equal(Shape.Vector(5), state.Shape);
        Assert.Equal(3, state.AugmentedDimensions);
        Assert.Equal("[2, 1, 0, 0, 0]", state.InitialValue.ToString());
    }

    [Fact]
    public void Learned_values_carry_their_constraints_and_default_starting_values()
    {
        var system = Models.Bind("learn a positive, b in(2, 4), c = 0.5\nlearn x(0) positive\nx' = -a*b*c*x\n");

        Assert.Equal(
            [(ParameterConstraintKind.Positive, "1"), (ParameterConstraintKind.Interval, "3"), (ParameterConstraintKind.None, "0.5")],
            system.Parameters.Select(p => (p.Constraint.Kind, p.Value.ToString())));
        Assert.All(system.Parameters, p => Assert.True(p.IsLearned));
        Assert.Equal(ParameterConstraintKind.Positive, system.States[0].LearnedInitialValue!.Constraint.Kind);
        Assert.Equal("1", system.States[0].InitialValue.ToString());
    }

    [Fact]
    public void Parameters_are_laid_out_in_declaration_order()
    {
        var system = Models.Bind("par a=1\npar M[2,2]=0\nlearn b=1\nx' = -a*b*x\n");

        Assert.Equal([0, 1, 5], system.Parameters.Select(p => p.Offset));
        Assert.Equal(6, system.ParameterSize);
    }

    [Fact]
    public void Inputs_may_set_initial_values_but_not_parameter_values()
    {
        Models.Bind("input dose\ninit x=dose\nx' = -x\n");

        Assert.Equal("ODE2017", Models.SingleError("input dose\npar a = dose\nx' = -a*x\n").Code);
    }

    [Fact]
    public void Par_with_an_expression_is_evaluated_and_warned_about()
    {
        var result = Compiler.Bind("par b=8/3\nx' = -b*x\n", "lorenz.ode");

        var warning = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticSeverity.Warning, warning.Severity);
        Assert.Contains("2.6666666666666665", warning.Message);
        Assert.Equal("(8 / 3)", result.System!.Parameters[0].Value.ToString());
    }

    [Theory]
    [InlineData("rungekutta", "rk4")]
    [InlineData("RK4", "rk4")]
    [InlineData("euler", "euler")]
    [InlineData("modeuler", "heun")]
    [InlineData("qualrk", "dopri5")]
    [InlineData("5dp", "dopri5")]
    [InlineData("83dp", "dop853")]
    [InlineData("adams", "rk4")]
    [InlineData("gear", "bdf")]
    [InlineData("stiff", "rodas4")]
    [InlineData("2rb", "rodas4")]
    [InlineData("rb23", "rodas4")]
    [InlineData("cvode", "bdf")]
    [InlineData("backeul", "implicit-euler")]
    [InlineData("tsit5", "tsit5")]
    [InlineData("bosh3", "bosh3")]
    public void Xppaut_methods_map_to_runtime_methods(string written, string method)
    {
        var options = Models.Bind($"x' = -x\n@ meth={written}\n").Options;

        Assert.Equal((method, written), (options.Method, options.MethodAsWritten));
    }

    [Fact]
    public void Simulation_options_are_read_and_display_options_ignored_with_an_info()
    {
        var result = Compiler.Bind("x' = -x\n@ total=20, dt=0.05, t0=1, trans=2, nout=5, tol=1e-6, atol=1e-8\n@ dtmin=1e-9, dtmax=0.5, bound=1e4, maxstor=100000, xp=x, yp2=x\n", "a.ode");

        var options = result.System!.Options;
        Assert.Equal(
            (20.0, 0.05, 1.0, 2.0, 5, 1e-6, 1e-8, 1e-9, 0.5, 1e4, 100000),
            (options.Total!.Value, options.Dt!.Value, options.T0!.Value, options.Transient!.Value, options.Nout!.Value, options.Rtol!.Value,
             options.Atol!.Value, options.DtMin!.Value, options.DtMax!.Value, options.Bound!.Value, options.MaxStored!.Value));
        Assert.Equal(["ODE4002", "ODE4002"], result.Diagnostics.Select(d => d.Code));
    }

    [Theory]
    [InlineData("lotka_volterra.ode", "LotkaVolterra")]
    [InlineData("models/fitzhugh-nagumo.ode", "FitzhughNagumo")]
    [InlineData("2d.ode", "Model2d")]
    [InlineData("", "Model")]
    public void The_system_name_defaults_to_the_file_name_in_pascal_case(string path, string name)
    {
        Assert.Equal(name, Models.Bind("x' = -x\n", path).Name);
    }

    [Fact]
    public void A_system_line_names_the_system()
    {
        Assert.Equal("Decay", Models.Bind("system Decay\nx' = -x\n", "other.ode").Name);
    }

    [Fact]
    public void Names_differing_only_in_case_get_a_warning_but_still_bind()
    {
        var result = Compiler.Bind("par r=1, R=2\nx' = -r*R*x\n", "a.ode");

        Assert.Equal("ODE2027", Assert.Single(result.Diagnostics).Code);
        Assert.NotNull(result.System);
    }

    [Fact]
    public void A_model_with_errors_has_no_system()
    {
        var result = Compiler.Bind("x' = -y\n", "a.ode");

        Assert.True(result.HasErrors);
        Assert.Null(result.System);
    }

    [Fact]
    public void Every_error_of_a_file_is_reported_in_one_run()
    {
        var codes = Models.Diagnostics("x' = -y\nz' = sinn(z)\nw' = atan2(w)\n").Select(d => d.Code);

        Assert.Equal(["ODE2001", "ODE2005", "ODE2006"], codes);
    }

    [Fact]
    public void Flr_binds_so_that_lowering_can_decide_about_differentiability()
    {
        var call = Assert.IsType<BoundCallExpression>(Models.Bind("x' = -x\naux s = flr(x)\n").Auxiliaries[0].Value);

        Assert.False(BuiltinFunctionInfo.ByName["flr"].IsDifferentiable);
        Assert.Equal(BuiltinFunction.Floor, call.Function);
    }
}
