using System.Text.Json;

namespace OdeDsl.Cli.Fitting;

/// <summary>Fitted parameters as one JSON object <c>{"name": value, …}</c> over all of θ, in the model's order.</summary>
internal static class ParametersJson
{
    public static void Write(string path, IReadOnlyList<string> names, IReadOnlyList<double> values)
    {
        var document = new Dictionary<string, double>();
        for (var i = 0; i < names.Count; i++) document[names[i]] = values[i];
        File.WriteAllText(path, JsonSerializer.Serialize(document, new JsonSerializerOptions { WriteIndented = true }) + "\n");
    }

    /// <summary>The values of a file written by <see cref="Write"/> (or by hand).</summary>
    /// <exception cref="JsonException">The file is not a JSON object of numbers.</exception>
    public static IReadOnlyDictionary<string, double> Read(string path) =>
        JsonSerializer.Deserialize<Dictionary<string, double>>(File.ReadAllText(path)) ?? [];
}
