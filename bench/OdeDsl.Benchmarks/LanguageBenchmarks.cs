using System.Text;
using BenchmarkDotNet.Attributes;
using OdeDsl.Language;
using OdeDsl.Language.Binding;

namespace OdeDsl.Benchmarks;

/// <summary>
/// Parsing and binding a generated 2,000-line XPPAUT-style model (target: under 200 ms).
/// Run: dotnet run -c Release --project bench/OdeDsl.Benchmarks -- --filter '*LanguageBenchmarks*' --job short --inProcess
/// </summary>
[MemoryDiagnoser]
public class LanguageBenchmarks
{
    private string model = string.Empty;

    [Params(2000)]
    public int Lines { get; set; }

    [GlobalSetup]
    public void Setup() => model = GenerateModel(Lines);

    [Benchmark]
    public BindResult ParseAndBind() => Compiler.Bind(model, "generated.ode");

    [Benchmark]
    public object Parse() => Compiler.Parse(model, "generated.ode");

    /// <summary>
    /// A chain of coupled oscillators: per block of ten lines a comment, parameters, a user
    /// function, two fixed quantities, two equations, an initial value line and an aux output.
    /// </summary>
    public static string GenerateModel(int lines)
    {
        var builder = new StringBuilder("# generated chain of coupled FitzHugh-Nagumo cells\n@ total=100, dt=0.01, meth=rk4\n");
        var blocks = (lines - 2) / 10;
        for (var i = 0; i < blocks; i++)
        {
            var previous = i == 0 ? blocks - 1 : i - 1;
            builder.Append($"# cell {i}\n");
            builder.Append($"par a{i}=0.7, b{i}=0.8, eps{i}=0.08\n");
            builder.Append($"par coupling{i}=0.1 drive{i}=0.5\n");
            builder.Append($"cubic{i}(u) = u - u^3/3\n");
            builder.Append($"input{i} = drive{i}*(1 + 0.1*sin(2*pi*t/50))\n");
            builder.Append($"current{i} = coupling{i}*(v{previous} - v{i})\n");
            builder.Append($"v{i}' = cubic{i}(v{i}) - w{i} + input{i} + current{i}\n");
            builder.Append($"dw{i}/dt = eps{i}*(v{i} + a{i} - b{i}*w{i})\n");
            builder.Append($"init v{i}=-1, w{i}=1\n");
            builder.Append($"aux energy{i} = if(v{i} > 0) then(v{i}^2) else(0)\n");
        }

        builder.Append("done\n");
        return builder.ToString();
    }
}
