using OdeDsl.Language.Tests.Support;

namespace OdeDsl.Language.Tests.Syntax;

/// <summary>Precedence and associativity, read back through the bound tree's fully parenthesised form.</summary>
public sealed class ExpressionParsingTests
{
    [Theory]
    [InlineData("1 + 2*3", "(1 + (2 * 3))")]
    [InlineData("a - b - c", "((a - b) - c)")]
    [InlineData("a / b * c", "((a / b) * c)")]
    [InlineData("a^b^c", "(a ^ (b ^ c))")]
    [InlineData("a**b", "(a ^ b)")]
    [InlineData("-a^2", "(-(a ^ 2))")]
    [InlineData("a^-b", "(a ^ (-b))")]
    [InlineData("a ^ -b ^ c", "(a ^ (-(b ^ c)))")]
    [InlineData("--a", "(-(-a))")]
    [InlineData("+a", "a")]
    [InlineData("a < b + 1", "(a < (b + 1))")]
    [InlineData("a < b & b <= c | a == c", "(((a < b) & (b <= c)) | (a == c))")]
    [InlineData("a && b || !c", "((a & b) | (!c))")]
    [InlineData("a != b", "(a != b)")]
    [InlineData("a > b ? a : b ? 1 : 2", "if((a > b))then(a)else(if(b)then(1)else(2))")]
    [InlineData("if(a >= b) then(a) else(b)", "if((a >= b))then(a)else(b)")]
    [InlineData("if (a>b)then (1)  else  (2)", "if((a > b))then(1)else(2)")]
    [InlineData("(a + b) * c", "((a + b) * c)")]
    [InlineData("2*a*b", "((2 * a) * b)")]
    [InlineData(".5 + 1e-3 + 2.5E+4 + 1.", "(((0.5 + 0.001) + 25000) + 1)")]
    [InlineData("sin(a)^2 + cos(a)^2", "((sin(a) ^ 2) + (cos(a) ^ 2))")]
    public void Parses_with_the_usual_precedence(string expression, string expected)
    {
        var text = $"par a=1, b=2, c=3\nx' = {expression}\n";

        Assert.Equal(expected, Models.Equation(text, "x"));
    }

    [Fact]
    public void Vector_literals_indexing_and_matrix_products_parse()
    {
        const string text = "state z[2]\npar A[2,2] = [[1, 2], [3, 4]]\nz' = A @ z + [z[1], -z[0]] * 2\n";

        Assert.Equal("((A @ z) + ([z[1], (-z[0])] * 2))", Models.Equation(text, "z"));
    }
}
