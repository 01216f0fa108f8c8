using System.Text.Json;
using System.Text.Json.Nodes;

namespace OdeDsl.Cli.Fitting;

/// <summary>
/// Fitted parameters as one JSON object <c>{"name": value, …}</c> over all of θ, in the model's order; estimated noise
/// scales, when there are any, as one more entry <c>"noise scales": {"column": σ, …}</c> (a key no model name can be).
/// </summary>
internal static class ParametersJson
{
    public const string NoiseScalesKey = "noise scales";

    public static void Write(string path, IReadOnlyList<string> names, IReadOnlyList<double> values,
        IReadOnlyDictionary<string, double> noiseScales)
    {
        var document = new JsonObject();
        for (var i = 0; i < names.Count; i++) document[names[i]] = values[i];
        if (noiseScales.Count > 0)
            document[NoiseScalesKey] = new JsonObject(noiseScales.Select(scale => KeyValuePair.Create(scale.Key, (JsonNode?)scale.Value)));
        File.WriteAllText(path, document.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
    }

    /// <summary>The parameter values of a file written by <see cref="Write"/> (or by hand); noise scales are not parameters.</summary>
    /// <exception cref="JsonException">The file is not a JSON object of numbers.</exception>
    public static IReadOnlyDictionary<string, double> Read(string path)
    {
        var document = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(File.ReadAllText(path)) ?? [];
        var values = new Dictionary<string, double>();
        foreach (var (name, value) in document)
        {
            if (name == NoiseScalesKey && value.ValueKind == JsonValueKind.Object) continue;
            if (value.ValueKind != JsonValueKind.Number) throw new JsonException($"'{name}' is not a number");
            values[name] = value.GetDouble();
        }
        return values;
    }
}
