using OdeDsl.Language.Syntax;
using OdeDsl.Language.Tests.Support;

namespace OdeDsl.Language.Tests.Syntax;

public sealed class StatementParsingTests
{
    private static ParseResult Parse(string text) => Compiler.Parse(text, "model.ode");

    [Fact]
    public void Both_equation_forms_declare_states()
    {
        var model = Parse("x' = -x\ndy/dt = -y\n").Model;

        var equations = model.Statements.Cast<EquationSyntax>().ToList();
        Assert.Equal(["x", "y"], equations.Select(e => e.Target.Name.Name));
        Assert.Equal([EquationForm.Prime, EquationForm.Differential], equations.Select(e => e.Form));
        Assert.Equal("2:2-2:3", equations[1].Target.Name.Span.ToRangeString());
        Assert.Equal("2:1-2:11", equations[1].Span.ToRangeString());
    }

    [Fact]
    public void Definitions_may_be_separated_by_commas_or_blanks_with_spaces_around_equals()
    {
        var list = Assert.IsType<DeclarationListSyntax>(Assert.Single(Parse("par a=1, b = 2 c=3   d =-4\n").Model.Statements));

        Assert.Equal(DeclarationKind.Parameter, list.Kind);
        Assert.Equal(["a", "b", "c", "d"], list.Definitions.Select(d => d.Target.Name.Name));
    }

    [Theory]
    [InlineData("par a=1", DeclarationKind.Parameter)]
    [InlineData("param a=1", DeclarationKind.Parameter)]
    [InlineData("p a=1", DeclarationKind.Parameter)]
    [InlineData("number a=1", DeclarationKind.Number)]
    [InlineData("init a=1", DeclarationKind.Init)]
    [InlineData("i a=1", DeclarationKind.Init)]
    public void Keyword_spellings_are_recognised(string line, DeclarationKind kind)
    {
        var list = Assert.IsType<DeclarationListSyntax>(Assert.Single(Parse(line).Model.Statements));

        Assert.Equal(kind, list.Kind);
    }

    [Fact]
    public void A_keyword_followed_by_a_prime_or_equals_is_a_name()
    {
        var statements = Parse("p' = -p\ni = 2\nnumber' = 1\n").Model.Statements;

        Assert.IsType<EquationSyntax>(statements[0]);
        Assert.IsType<QuantityDefinitionSyntax>(statements[1]);
        Assert.IsType<EquationSyntax>(statements[2]);
    }

    [Fact]
    public void Comments_description_lines_and_text_after_done_are_ignored()
    {
        const string text = "# comment\n\" description\nx' = -x  # trailing comment\n\ndone\nthis is ( not parsed\n";

        var result = Parse(text);

        Assert.Empty(result.Diagnostics);
        Assert.Single(result.Model.Statements);
    }

    [Fact]
    public void A_continued_line_is_one_statement_and_spans_point_into_the_second_line()
    {
        var equation = Assert.IsType<EquationSyntax>(Assert.Single(Parse("x' = -x + \\\n    y\ny' = 0\n").Model.Statements.Take(1)));

        var right = Assert.IsType<BinaryExpressionSyntax>(equation.Value).Right;
        Assert.Equal("2:5-2:6", right.Span.ToRangeString());
    }

    [Fact]
    public void Initial_values_functions_aux_and_derived_parameters_parse()
    {
        var statements = Parse("x(0)=1.5\nf(u, v) = u*v\naux e = x^2\n!d = 2\nw = x\n").Model.Statements;

        Assert.IsType<InitialValueSyntax>(statements[0]);
        var function = Assert.IsType<FunctionDefinitionSyntax>(statements[1]);
        Assert.Equal(["u", "v"], function.Parameters.Select(p => p.Name));
        Assert.Equal(QuantityKind.Auxiliary, Assert.IsType<QuantityDefinitionSyntax>(statements[2]).Kind);
        Assert.Equal("3:1-3:12", statements[2].Span.ToRangeString());
        Assert.Equal(QuantityKind.Derived, Assert.IsType<QuantityDefinitionSyntax>(statements[3]).Kind);
        Assert.Equal(QuantityKind.Fixed, Assert.IsType<QuantityDefinitionSyntax>(statements[4]).Kind);
    }

    [Fact]
    public void Options_keep_their_values_as_written()
    {
        var options = Assert.IsType<OptionsSyntax>(Assert.Single(Parse("@ total = 20, dt=.05 meth=rk4\n").Model.Statements));

        Assert.Equal([("total", "20"), ("dt", ".05"), ("meth", "rk4")], options.Options.Select(o => (o.Name.Name, o.Value)));
        Assert.Equal("1:27-1:30", options.Options[2].ValueSpan.ToRangeString());
    }

    [Fact]
    public void Extension_statements_parse()
    {
        const string text = """
            system Spiral
            state z[2] = [2, 0], w
            learn alpha = 0.5 positive, k = 1.2 in(0, 10), z(0)
            net f = mlp(2, 50, 2, act=tanh, bias=false)
            observe pop = z[0] ~ lognormal
            augment z by 3
            input dose weight
            """;

        var statements = Parse(text).Model.Statements;

        Assert.Equal("Spiral", Assert.IsType<SystemDeclarationSyntax>(statements[0]).Name.Name);
        Assert.Equal([2.0], Assert.IsType<StateDeclarationSyntax>(statements[1]).Target.Dimensions.Select(d => d.Value));
        Assert.Null(Assert.IsType<StateDeclarationSyntax>(statements[2]).InitialValue);
        Assert.IsType<PositiveConstraintSyntax>(Assert.IsType<LearnDeclarationSyntax>(statements[3]).Constraint);
        Assert.IsType<IntervalConstraintSyntax>(Assert.IsType<LearnDeclarationSyntax>(statements[4]).Constraint);
        Assert.True(Assert.IsType<LearnDeclarationSyntax>(statements[5]).IsInitialValue);
        var net = Assert.IsType<NetDeclarationSyntax>(statements[6]);
        Assert.Equal(3, net.Widths.Length);
        Assert.Equal(["act", "bias"], net.Options.Select(o => o.Name.Name));
        Assert.Equal("lognormal", Assert.IsType<ObserveDeclarationSyntax>(statements[7]).Distribution!.Name);
        Assert.Equal(3, Assert.IsType<AugmentStatementSyntax>(statements[8]).Count.Value);
        Assert.Equal(["dose", "weight"], Assert.IsType<InputDeclarationSyntax>(statements[9]).Names.Select(n => n.Name));
    }

    [Fact]
    public void Xppaut_arrays_expand_with_neighbours_and_keep_the_original_span()
    {
        var statements = Parse("x[1..3]' = -x[j] + u[j+1]*j\ninit x[1..3]=0.1\n").Model.Statements;

        var equations = statements.OfType<EquationSyntax>().ToList();
        Assert.Equal(["x1", "x2", "x3"], equations.Select(e => e.Target.Name.Name));
        Assert.All(equations, e => Assert.Equal(1, e.Span.Line));
        var init = Assert.IsType<DeclarationListSyntax>(statements[3]);
        Assert.Equal(["x1", "x2", "x3"], init.Definitions.Select(d => d.Target.Name.Name));
        Assert.Equal("((-x2) + (u3 * 2))", Models.Equation("par u2=1, u3=1, u4=1\nx[1..3]' = -x[j] + u[j+1]*j\n", "x2"));
    }

    [Fact]
    public void Every_broken_line_is_reported_and_the_good_lines_are_kept()
    {
        var result = Parse("x' = -x +\ny' = -y\nz' = (z\nw' = -w\npar a 1\n");

        Assert.Equal([1, 3, 5], result.Diagnostics.Select(d => d.Span.Line));
        Assert.Equal(2, result.Model.Statements.Length);
    }

    [Fact]
    public void Unsupported_xppaut_constructs_are_recognised_by_name()
    {
        var statements = Parse("table f f.tab\nmarkov z 2\nwiener w\nglobal 1 x {x=0}\nx(t+1) = x\nspecial k=conv(x)\nset a {b=1}\n0= x - y\nbdry x\n").Model.Statements;

        Assert.Equal(
            [
                UnsupportedConstruct.Table, UnsupportedConstruct.Markov, UnsupportedConstruct.Wiener, UnsupportedConstruct.Global,
                UnsupportedConstruct.Map, UnsupportedConstruct.Special, UnsupportedConstruct.Set, UnsupportedConstruct.AlgebraicEquation,
                UnsupportedConstruct.BoundaryCondition,
            ],
            statements.Cast<UnsupportedStatementSyntax>().Select(s => s.Construct));
    }
}
