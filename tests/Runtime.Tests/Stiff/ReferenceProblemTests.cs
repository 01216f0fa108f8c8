using OdeDsl.Runtime.Solvers;
using Xunit.Abstractions;

namespace OdeDsl.Runtime.Tests.Stiff;

/// <summary>
/// The four IVP test set problems against their published reference solutions at the final time
/// (<see cref="ReferenceProblems"/>): each stiff method must deliver a number of correct significant
/// digits (worst component) at a given rtol. The digit floors are about what each method reaches
/// at that rtol in the bench table (bench/README.md), less a margin of one digit.
/// </summary>
public sealed class ReferenceProblemTests(ITestOutputHelper output)
{
    public static TheoryData<string, string, double, double> Cases => new()
    {
        { "Robertson", "rodas4", 1e-8, 5 },
        { "Robertson", "bdf", 1e-8, 4 },
        { "Robertson", "trbdf2", 1e-7, 3 },
        { "HIRES", "rodas4", 1e-8, 5 },
        { "HIRES", "bdf", 1e-8, 4 },
        { "HIRES", "trbdf2", 1e-7, 3 },
        { "VanDerPol", "rodas4", 1e-8, 4 },
        { "VanDerPol", "bdf", 1e-8, 3 },
        { "VanDerPol", "trbdf2", 1e-7, 2 },
        { "Oregonator", "rodas4", 1e-8, 4 },
        { "Oregonator", "bdf", 1e-8, 3 },
        { "Oregonator", "trbdf2", 1e-7, 2 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Reaches_the_reference_solution(string problemName, string method, double rtol, double digits)
    {
        var problem = ReferenceProblem.All.Select(create => create()).Single(p => p.System.Name == problemName);
        var solution = Integrator.Solve(problem.System, new SolveOptions
        {
            Method = method, T1 = problem.T1, Rtol = rtol, Atol = problem.Atol * rtol / 1e-8, MaxSteps = 1_000_000,
        });
        Assert.True(solution.Succeeded, solution.Message);
        var achieved = problem.CorrectDigits(solution.State(solution.SavedCount - 1));
        output.WriteLine($"{problemName} {method} rtol={rtol}: {achieved:F2} digits, {solution.Stats}");
        Assert.True(achieved >= digits, $"{achieved:F2} correct digits < {digits}");
    }
}
