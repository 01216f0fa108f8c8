using System.Globalization;
using System.Text;
using OdeDsl.Examples;
using OdeDsl.Runtime.Data;
using OdeDsl.Runtime.Fitting;
using OdeDsl.Runtime.Gradients;
using OdeDsl.Runtime.Solvers;
using ScottPlot;

// Rackauckas et al. 2020 ("Universal differential equations"), section 2.1: Lotka–Volterra with α = 1.3, β = 0.9,
// γ = 0.8, δ = 1.8 observed at 31 times on [0, 3] with 5 % noise (of each state's mean, seed 3). The network U
// replaces the interaction terms; Adam then L-BFGS fit its weights, and U is compared with −βxy and δxy.
const double Alpha = 1.3, Beta = 0.9, Gamma = 0.8, Delta = 1.8;
double[] z0 = [0.44249296, 4.6280594];
var times = Enumerable.Range(0, 31).Select(i => 0.1 * i).ToArray();
var truth = Integrator.Solve<double>(new TrueLotkaVolterra(), z0, [Alpha, Beta, Gamma, Delta],
    new SolveOptions { Method = "dop853", T1 = 3, SaveAt = times, Rtol = 1e-10, Atol = 1e-10 });
var random = new Random(3);
double Normal() => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
var means = Enumerable.Range(0, 2).Select(j => times.Select((_, k) => truth.State(k)[j]).Average()).ToArray();
var csv = new StringBuilder("t,u[0],u[1]\n");
for (var k = 0; k < times.Length; k++)
    csv.Append(string.Create(CultureInfo.InvariantCulture,
        $"{times[k]:R},{truth.State(k)[0] + 0.05 * means[0] * Normal():R},{truth.State(k)[1] + 0.05 * means[1] * Normal():R}\n"));
var table = ObservationCsv.Read(new StringReader(csv.ToString()), "lotka-volterra.csv", new ObservationTableOptions { Observed = ["u[0]", "u[1]"] });

var model = new MissingPhysics();
var options = new FitOptions
{
    Solve = new SolveOptions { Rtol = 1e-7, Atol = 1e-8 },
    Trainable = [.. model.ParameterNames.Where(name => name.StartsWith("U.", StringComparison.Ordinal)).Select(name => new TrainableParameter(name))],
    LearningRate = 0.01,
    Iterations = 1000,
    Gradient = GradientMethod.Adjoint,
};
var adam = Fitter.Fit(model, table, options);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Adam, {adam.History.Count} iterations: loss {adam.Loss:G4}"));
var result = Fitter.Fit(model, table, options with { Optimizer = FitOptimizer.Lbfgs, Iterations = 200, StartParameters = adam.Parameters });
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"then L-BFGS, {result.History.Count} iterations: loss {result.Loss:G4}"));

// U along the true trajectory: the model's derivative minus its known part.
var fine = Enumerable.Range(0, 301).Select(i => 0.01 * i).ToArray();
var path = Integrator.Solve<double>(new TrueLotkaVolterra(), z0, [Alpha, Beta, Gamma, Delta], new SolveOptions { Method = "dop853", T1 = 3, SaveAt = fine, Rtol = 1e-10, Atol = 1e-10 });
var learned = new double[2][];
learned[0] = new double[fine.Length];
learned[1] = new double[fine.Length];
var derivative = new double[2];
var worst = 0.0;
for (var k = 0; k < fine.Length; k++)
{
    var (x, y) = (path.State(k)[0], path.State(k)[1]);
    ((OdeDsl.Runtime.Systems.IOdeKernel<double>)model).Derivative(fine[k], path.State(k), result.Parameters, derivative);
    learned[0][k] = derivative[0] - Alpha * x;
    learned[1][k] = derivative[1] + Gamma * y;
    worst = Math.Max(worst, Math.Max(Math.Abs(learned[0][k] + Beta * x * y), Math.Abs(learned[1][k] - Delta * x * y)));
}
var scale = fine.Select((_, k) => Delta * path.State(k)[0] * path.State(k)[1]).Max();
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"largest error of U against (-βxy, δxy) along the trajectory: {worst:G3} (the terms reach {scale:G3})"));

var plot = new Plot();
plot.Add.ScatterLine(fine, fine.Select((_, k) => -Beta * path.State(k)[0] * path.State(k)[1]).ToArray(), Colors.Gray).LegendText = "true −βxy";
plot.Add.ScatterLine(fine, learned[0], Colors.SteelBlue).LegendText = "learned U[0]";
plot.Add.ScatterLine(fine, fine.Select((_, k) => Delta * path.State(k)[0] * path.State(k)[1]).ToArray(), Colors.Black).LegendText = "true δxy";
plot.Add.ScatterLine(fine, learned[1], Colors.OrangeRed).LegendText = "learned U[1]";
plot.XLabel("t");
plot.YLabel("interaction term");
plot.ShowLegend(Alignment.UpperRight);
var file = args.Length > 0 ? args[0] : "missing-physics.png";
plot.SavePng(file, 900, 450);
Console.WriteLine($"plot: {Path.GetFullPath(file)}");
