using System.Globalization;
using OdeDsl.Examples;

// dotnet run --project examples/LatentSpirals -c Release -- spirals [iterations] [plot.png]
// dotnet run --project examples/LatentSpirals -c Release -- lynx [csv] [iterations] [plot.png]
const string Usage = "usage: LatentSpirals spirals [iterations] [plot.png] | lynx [canadian-lynx.csv] [iterations] [plot.png]";
TorchSharp.torch.set_num_threads(1);
int Iterations(int index, int fallback)
{
    if (args.Length <= index) return fallback;
    if (int.TryParse(args[index], NumberStyles.None, CultureInfo.InvariantCulture, out var count) && count > 0) return count;
    Console.Error.WriteLine($"iterations must be a positive whole number, not '{args[index]}'; {Usage}");
    Environment.Exit(2);
    return 0;
}

switch (args.FirstOrDefault() ?? "spirals")
{
    case "spirals":
        SpiralsRun.Run(Iterations(1, 300), args.Length > 2 ? args[2] : "latent-spirals.png");
        break;
    case "lynx":
        var path = args.Length > 1 ? args[1] : "../shared/data/canadian-lynx.csv";
        return LynxRun.Run(path, Iterations(2, 300), args.Length > 3 ? args[3] : "latent-lynx.png");
    default:
        Console.Error.WriteLine($"unknown run '{args[0]}'; {Usage}");
        return 2;
}
return 0;
