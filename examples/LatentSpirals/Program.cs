using System.Globalization;
using OdeDsl.Examples;

// dotnet run --project examples/LatentSpirals -c Release -- spirals [iterations] [plot.png] [seed]
// dotnet run --project examples/LatentSpirals -c Release -- lynx [csv] [iterations] [plot.png] [seed]
const string Usage = "usage: LatentSpirals spirals [iterations] [plot.png] [seed] | lynx [canadian-lynx.csv] [iterations] [plot.png] [seed]";
TorchSharp.torch.set_num_threads(1);
int Whole(int index, int fallback, string what)
{
    if (args.Length <= index) return fallback;
    if (int.TryParse(args[index], NumberStyles.None, CultureInfo.InvariantCulture, out var count) && count > 0) return count;
    Console.Error.WriteLine($"{what} must be a positive whole number, not '{args[index]}'; {Usage}");
    Environment.Exit(2);
    return 0;
}

switch (args.FirstOrDefault() ?? "spirals")
{
    case "spirals":
        SpiralsRun.Run(Whole(1, 1000, "iterations"), args.Length > 2 ? args[2] : "latent-spirals.png", Whole(3, 1, "the seed"));
        break;
    case "lynx":
        var path = args.Length > 1 ? args[1] : "../shared/data/canadian-lynx.csv";
        return LynxRun.Run(path, Whole(2, 600, "iterations"), args.Length > 3 ? args[3] : "latent-lynx.png", Whole(4, 1, "the seed"));
    default:
        Console.Error.WriteLine($"unknown run '{args[0]}'; {Usage}");
        return 2;
}
return 0;
