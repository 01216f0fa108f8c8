namespace OdeDsl.Runtime.Fitting;

/// <summary>
/// The outcome of <see cref="Fitter.Fit{TSystem}"/>. <see cref="Parameters"/> is the full θ after the last
/// iteration; <see cref="Loss"/> is the data loss of the whole table from the model's start at that θ (no
/// windows, no shooting; with estimated noise, the negative log-likelihood objective at the fitted σ). On failure
/// <see cref="Message"/> says why, and the parameters are the last good ones.
/// </summary>
public sealed record FitResult(
    IReadOnlyList<string> ParameterNames,
    double[] Parameters,
    IReadOnlyList<string> TrainableNames,
    double Loss,
    IReadOnlyList<FitIteration> History,
    bool Succeeded,
    string Message)
{
    /// <summary>The fitted noise scale σ_j of each observed column, by name; empty unless <see cref="FitOptions.EstimateNoise"/>.</summary>
    public IReadOnlyDictionary<string, double> NoiseScales { get; init; } = new Dictionary<string, double>();

    /// <summary>θ entry <paramref name="name"/>.</summary>
    public double this[string name] => Parameters[IndexOf(name)];

    private int IndexOf(string name)
    {
        for (var i = 0; i < ParameterNames.Count; i++)
            if (ParameterNames[i] == name) return i;
        throw new KeyNotFoundException($"no parameter '{name}'");
    }
}
