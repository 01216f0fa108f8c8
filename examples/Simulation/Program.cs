using OdeDsl.Examples;
using OdeDsl.Runtime.Solvers;

// LotkaVolterra was generated from lotka_volterra.ode when this project was built.
var system = new LotkaVolterra();
var times = Enumerable.Range(0, 11).Select(k => 1.5 * k).ToArray();
var solution = Integrator.Solve(system, new SolveOptions { Method = "dopri5", T1 = 15, SaveAt = times, Rtol = 1e-8, Atol = 1e-8 });
if (!solution.Succeeded)
{
    Console.Error.WriteLine(solution.Message);
    return 1;
}

Console.WriteLine($"{system.Name}: {string.Join(", ", system.StateNames)} with {string.Join(", ", system.ParameterNames)}");
Console.WriteLine("     t          x          y");
for (var save = 0; save < solution.SavedCount; save++)
{
    var state = solution.State(save);
    Console.WriteLine($"{solution.Times[save],6:F2} {state[0],10:F5} {state[1],10:F5}");
}
Console.WriteLine($"{solution.Stats}");
return 0;
