using System.Collections.Immutable;
using OdeDsl.Language.Diagnostics;
using OdeDsl.Language.IR;
using OdeDsl.Language.Lowering;

namespace OdeDsl.Language.Differentiation;

/// <summary>
/// The differentiation stage: reports step functions on a learned parameter's gradient path
/// (ODE4001, on the source line of the output that contains them), then derives the VJPs and the
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
                lowered.SpanOf(use),
                use.Operation.FunctionName(),
                $"the gradient of learned parameter '{use.Parameter}' passes through it in {use.Output}");
        }
        cancellationToken.ThrowIfCancellationRequested();
        var all = diagnostics.ToImmutable();
        return all.Any(diagnostic => diagnostic.IsError)
            ? new DifferentiationResult(null, all)
            : new DifferentiationResult(DifferentiatedSystem.From(lowered.System), all);
    }
}
