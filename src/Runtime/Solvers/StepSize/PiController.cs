namespace OdeDsl.Runtime.Solvers.StepSize;

/// <summary>
/// Proportional–integral step-size control (Gustafsson 1991; Hairer &amp; Wanner II, IV.2):
/// <c>h_next = h · safety · err_n^(−β1) · err_{n−1}^(β2)</c> with <c>β1 = 0.7/k</c>, <c>β2 = 0.4/k</c>
/// for an error that behaves like <c>hᵏ</c>. The memory term damps the oscillation of a pure
/// <c>err^(−1/k)</c> rule. The factor is kept within [<see cref="MinFactor"/>, <see cref="MaxFactor"/>],
/// and a step right after a rejection may not grow (Hairer's rule), which stops accept/reject cycles.
/// </summary>
internal sealed class PiController(int controllerOrder)
{
    /// <summary>Aims below the tolerance so the next step is likely accepted.</summary>
    public const double Safety = 0.9;

    /// <summary>Largest shrink per step (a rejection cuts the step at most fivefold).</summary>
    public const double MinFactor = 0.2;

    /// <summary>Largest growth per step.</summary>
    public const double MaxFactor = 10;

    /// <summary>Floor for the remembered error, as in Hairer's codes, so a tiny error cannot inflate the next step.</summary>
    private const double MinRememberedError = 1e-4;

    private readonly double _proportional = 0.7 / controllerOrder;
    private readonly double _integral = 0.4 / controllerOrder;
    private readonly double _rejectionExponent = 1.0 / controllerOrder;
    // Kept as a logarithm: err^(−β1)·prev^(β2) = exp(β2·ln prev − β1·ln err) costs one Log and one Exp per step.
    private static readonly double LogMinRememberedError = Math.Log(MinRememberedError);
    private double _logPreviousError = LogMinRememberedError;
    private bool _previousRejected;

    public StepDecision Decide(double error, double h)
    {
        if (error <= 1)
        {
            var logError = Math.Log(error);
            var factor = error == 0
                ? MaxFactor
                : Safety * Math.Exp(_integral * _logPreviousError - _proportional * logError);
            factor = Math.Clamp(factor, MinFactor, _previousRejected ? 1 : MaxFactor);
            _logPreviousError = Math.Max(logError, LogMinRememberedError);
            _previousRejected = false;
            return new StepDecision(Accept: true, h * factor);
        }

        // A NaN or infinite error means the stages left the model's domain: shrink as much as allowed.
        var shrink = double.IsFinite(error)
            ? Math.Max(MinFactor, Safety * Math.Pow(error, -_rejectionExponent))
            : MinFactor;
        _previousRejected = true;
        return new StepDecision(Accept: false, h * shrink);
    }
}
