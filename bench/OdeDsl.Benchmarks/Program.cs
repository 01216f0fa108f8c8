using BenchmarkDotNet.Running;

if (args is ["stiff-table", ..])
{
    OdeDsl.Benchmarks.Stiff.StiffWorkPrecision.Print(args.Length > 1 ? args[1] : null);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
