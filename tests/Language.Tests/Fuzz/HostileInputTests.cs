using System.Diagnostics;
using System.Text;
using OdeDsl.Language.Diagnostics;

namespace OdeDsl.Language.Tests.Fuzz;

/// <summary>Inputs DSL.md §5 names as must-not-crash: huge lines, binary files, deep nesting, long chains.</summary>
public sealed class HostileInputTests
{
    [Fact]
    public void A_ten_megabyte_line_is_one_line_too_long_diagnostic()
    {
        var text = "x' = " + new string('x', 10 * 1024 * 1024);
        var stopwatch = Stopwatch.StartNew();

        var result = Compiler.Bind(text, "huge.ode");

        Assert.Equal(["ODE1006"], result.Diagnostics.Select(d => d.Code));
        Assert.Equal((1, 1), (result.Diagnostics[0].Span.Line, result.Diagnostics[0].Span.Column));
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(5), $"took {stopwatch.Elapsed}");
    }

    [Fact]
    public void A_ten_megabyte_line_of_open_parentheses_is_rejected_without_recursion()
    {
        var result = Compiler.Bind("x' = " + new string('(', 10 * 1024 * 1024), "parens.ode");

        Assert.Equal(["ODE1006"], result.Diagnostics.Select(d => d.Code));
    }

    [Fact]
    public void Random_bytes_are_a_binary_file()
    {
        var bytes = new byte[4096];
        new Random(7).NextBytes(bytes);
        bytes[100] = 0;
        var text = Encoding.Latin1.GetString(bytes);

        var result = Compiler.Bind(text, "noise.bin");

        Assert.Equal("ODE1005", Assert.Single(result.Diagnostics).Code);
    }

    [Fact]
    public void Nesting_just_inside_the_limit_binds_and_one_more_level_is_reported()
    {
        const int depth = 64;
        var inside = Compiler.Bind("x' = " + new string('(', depth) + "-x" + new string(')', depth), "deep.ode");
        var outside = Compiler.Bind("x' = " + new string('(', depth + 1) + "-x" + new string(')', depth + 1), "deeper.ode");

        Assert.Empty(inside.Diagnostics);
        Assert.Equal("ODE1007", Assert.Single(outside.Diagnostics).Code);
    }

    /// <summary>A maximal line of `x+x+…` gives a 2,000-deep left-leaning tree; parsing and binding it must not exhaust a thread-pool stack.</summary>
    [Fact]
    public void The_longest_allowed_operator_chain_binds()
    {
        var terms = (OdeDsl.Language.Syntax.Parser.MaxLineLength - 5) / 2;
        var text = "x' = " + string.Join("+", Enumerable.Repeat("x", terms));

        var result = Compiler.Bind(text, "chain.ode");

        Assert.Empty(result.Diagnostics);
        Assert.NotNull(result.System);
    }

    [Fact]
    public void A_long_chain_of_powers_and_prefix_minus_binds()
    {
        var text = "x' = " + string.Join("^", Enumerable.Repeat("-x", 1000));

        var result = Compiler.Bind(text, "powers.ode");

        Assert.Empty(result.Diagnostics);
    }

    [Fact]
    public void A_long_chain_of_fixed_quantities_declared_backwards_is_ordered_without_recursion()
    {
        const int count = 5_000;
        var builder = new StringBuilder("x' = -w0\n");
        for (var i = 0; i < count - 1; i++)
        {
            builder.Append($"w{i} = w{i + 1} + 1\n");
        }

        builder.Append($"w{count - 1} = x\n");

        var result = Compiler.Bind(builder.ToString(), "chain.ode");

        Assert.Empty(result.Diagnostics);
        Assert.Equal($"w{count - 1}", result.System!.FixedQuantities[0].Name);
        Assert.Equal("w0", result.System.FixedQuantities[count - 1].Name);
    }

    [Fact]
    public void A_long_chain_of_numbers_evaluates_without_recursion()
    {
        const int count = 5_000;
        var builder = new StringBuilder("number n0=1\n");
        for (var i = 1; i < count; i++)
        {
            builder.Append($"number n{i}=n{i - 1}+1\n");
        }

        builder.Append($"state z[3]\nz' = -z*z[n{count - 1} - {count - 2}]\npar a = n{count - 1}/2\nlearn k = n{count - 1} in(0, {2 * count})\n");

        var result = Compiler.Bind(builder.ToString(), "numbers.ode");

        Assert.Equal(["ODE2018"], result.Diagnostics.Select(d => d.Code));
        Assert.Contains($"(= {count / 2})", result.Diagnostics[0].Message);
    }

    [Fact]
    public void A_long_chain_of_user_functions_is_refused_once_without_recursion()
    {
        const int count = 5_000;
        var builder = new StringBuilder("x' = -f0(x)\n");
        for (var i = 0; i < count; i++)
        {
            builder.Append($"f{i}(u) = f{i + 1}(u) + 1\n");
        }

        builder.Append($"f{count}(u) = u\n");

        var result = Compiler.Bind(builder.ToString(), "functions.ode");

        Assert.Equal(["ODE2030"], result.Diagnostics.Select(d => d.Code));
    }

    [Fact]
    public void Windows_line_endings_and_a_byte_order_mark_are_plain_text()
    {
        var result = Compiler.Bind("\uFEFFpar a=1\r\nx' = -a*x\r\ninit x=1\r\n", "crlf.ode");

        Assert.DoesNotContain(result.Diagnostics, d => d.IsError);
    }
}
