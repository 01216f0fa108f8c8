using System.Collections.Immutable;
using OdeDsl.Language.Diagnostics;
using OdeDsl.Language.IR;
using OdeDsl.Language.Lowering;

namespace OdeDsl.Language.Differentiation;

/// <summary>
/// The differentiation stage: reports step functions a needed derivative flows through
/// (ODE4001, on the call in the source where lowering recorded it, else on the output's line), then derives the VJPs and the
/// Jacobian (<see cref="DifferentiatedSystem.From"/>).
/// </summary>
public static class Differentiator
{
    public static DifferentiationResult Differentiate(LoweringResult lowered, CancellationToken cancellationToken = default)
    {
        var diagnostics = new DiagnosticBag();
        foreach (var use in DifferentiabilityCheck.Find(lowered.System))
        {
            diagnostics.Report(
                DiagnosticDescriptors.NotDifferentiable,
                lowered.StepFunctionSpans.TryGetValue(use.Node, out var span) ? span : lowered.SpanOf(use),
                use.Operation.FunctionName(),
                $"the derivative of {use.Output} with respect to {use.Variable}");
        }
        cancellationToken.ThrowIfCancellationRequested();
        var all = diagnostics.ToImmutable();
        return all.Any(diagnostic => diagnostic.IsError)
            ? new DifferentiationResult(null, all)
            : new DifferentiationResult(DifferentiatedSystem.From(lowered.System), all);
    }
}
