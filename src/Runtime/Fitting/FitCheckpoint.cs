using System.Text.Json;
using System.Text.Json.Serialization;
using OdeDsl.Runtime.Fitting.Optimizers;

namespace OdeDsl.Runtime.Fitting;

/// <summary>
/// Everything a fit needs to continue after being killed: the iteration reached, <c>u</c>, the optimizer's state
/// and the history, with a description of the fit it belongs to. Written to a temporary file and renamed over the
/// old one, so a kill leaves either the old or the new checkpoint, never half of one.
/// </summary>
internal sealed class FitCheckpoint
{
    private static readonly JsonSerializerOptions Json = new()
    {
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        WriteIndented = false,
    };

    public string Fit { get; set; } = "";
    public int Iteration { get; set; }
    public double[] Position { get; set; } = [];
    public OptimizerState Optimizer { get; set; } = new();
    public List<FitIteration> History { get; set; } = [];

    public void Write(string path)
    {
        var temporary = path + ".tmp";
        File.WriteAllText(temporary, JsonSerializer.Serialize(this, Json));
        File.Move(temporary, path, overwrite: true);
    }

    /// <exception cref="ArgumentException">The file is not a checkpoint of this fit.</exception>
    public static FitCheckpoint Read(string path, string fit)
    {
        FitCheckpoint? checkpoint;
        try
        {
            checkpoint = JsonSerializer.Deserialize<FitCheckpoint>(File.ReadAllText(path), Json);
        }
        catch (JsonException exception)
        {
            throw new ArgumentException($"{path} is not a fit checkpoint ({exception.Message}); delete it to start afresh");
        }
        if (checkpoint is null || checkpoint.Fit != fit)
            throw new ArgumentException($"{path} is the checkpoint of a different fit ({checkpoint?.Fit}); this fit is {fit}; delete it or leave out --resume");
        return checkpoint;
    }
}
