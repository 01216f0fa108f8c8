using BenchmarkDotNet.Running;

if (args is ["stiff-table", ..])
{
    OdeDsl.Benchmarks.Stiff.StiffWorkPrecision.Print(args.Length > 1 ? args[1] : null);
    return;
}

if (args is ["stiff-gradient-table", ..])
{
    OdeDsl.Benchmarks.Gradients.StiffGradientTable.Print();
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
