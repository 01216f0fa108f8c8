using System.Collections.Immutable;
using OdeDsl.Language.Differentiation;
using OdeDsl.Language.IR;
using OdeDsl.Language.Text;

namespace OdeDsl.Language.Lowering;

/// <summary>
/// The lowered system and, parallel to its flattened outputs, where each came from in the source
/// (an equation, a state declaration, an aux or observe line), so that later stages can report
/// diagnostics on the model's text without the IR carrying spans.
/// </summary>
public sealed record LoweringResult(
    IrSystem System,
    ImmutableArray<SourceSpan> DerivativeSpans,
    ImmutableArray<SourceSpan> InitialValueSpans,
    ImmutableArray<SourceSpan> AuxiliarySpans,
    ImmutableArray<SourceSpan> ObservationSpans)
{
    /// <summary>Where each step-function node (<c>flr ceil heav sign</c>) was first written, for ODE4001.</summary>
    public ImmutableDictionary<IrNode, SourceSpan> StepFunctionSpans { get; init; } = ImmutableDictionary<IrNode, SourceSpan>.Empty;

    public SourceSpan SpanOf(NonDifferentiableUse use) => use.Kind switch
    {
        IrOutputKind.Derivative => DerivativeSpans[use.Index],
        IrOutputKind.InitialValue => InitialValueSpans[use.Index],
        IrOutputKind.Auxiliary => AuxiliarySpans[use.Index],
        _ => ObservationSpans[use.Index],
    };
}
