namespace OdeDsl.Language.Binding;

/// <summary>
/// The `@` defaults of a model; null where the file does not set the option. <see cref="Method"/>
/// is the runtime's method name (see <see cref="SolverMethods"/>; docs/language.md says which take fixed steps); the others keep XPPAUT's meaning:
/// `total` (length of the time span), `dt` (fixed step, or first step), `t0`, `trans` (results
/// before this time are not stored), `nout` (store every nth step), `tol` (rtol), `atol`,
/// `dtmin`, `dtmax`, `bound` (stop when a state exceeds it in magnitude), `maxstor` (most rows stored).
/// </summary>
public sealed record SolverOptions
{
    public static SolverOptions Default { get; } = new();

    public string? Method { get; init; }

    /// <summary>The `meth` value as written in the file (`rungekutta`, `5dp`).</summary>
    public string? MethodAsWritten { get; init; }

    public double? Total { get; init; }

    public double? Dt { get; init; }

    public double? T0 { get; init; }

    public double? Transient { get; init; }

    public int? Nout { get; init; }

    public double? Rtol { get; init; }

    public double? Atol { get; init; }

    public double? DtMin { get; init; }

    public double? DtMax { get; init; }

    public double? Bound { get; init; }

    public int? MaxStored { get; init; }
}
