using OdeDsl.Language.Text;

namespace OdeDsl.Language.Binding;

public enum ObservationDistribution
{
    /// <summary>Squared residuals (the default).</summary>
    Normal,
    /// <summary>Squared residuals of logs, for positive data.</summary>
    LogNormal,
}

/// <summary>`observe name = expr [~ normal | ~ lognormal]`: a model output matched to the data column of the same name.</summary>
public sealed class ObservationSymbol(string name, Shape shape, SourceSpan span, BoundExpression value, ObservationDistribution distribution)
    : Symbol(name, shape, span)
{
    public BoundExpression Value { get; } = value;

    public ObservationDistribution Distribution { get; } = distribution;

    public override string KindDescription => "an observation";
}
