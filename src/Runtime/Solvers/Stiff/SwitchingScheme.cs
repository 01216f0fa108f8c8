namespace OdeDsl.Runtime.Solvers.Stiff;

/// <summary>
/// LSODA-like automatic stiffness detection (opt-in as method <c>auto</c>): steps with Dormand–Prince 5(4)
/// while the problem is non-stiff and with Rodas4 while it is stiff. It switches to Rodas4 after
/// <see cref="Confirmations"/> accepted explicit steps whose <c>h·ρ</c> sits on the explicit method's
/// stability boundary (Hairer's DOPRI5 test), and back when Rodas4's steps are so short that
/// <c>h·‖J‖∞</c> stays well inside that boundary, where the explicit method is cheaper.
/// </summary>
internal sealed class SwitchingScheme : IOneStepScheme
{
    /// <summary>Dormand–Prince 5(4)'s stability region reaches about 3.3 along the negative axis.</summary>
    private const double StabilityBoundary = 3.25;

    private const int Confirmations = 15;

    private readonly ExplicitScheme _explicit;
    private readonly RosenbrockScheme _stiff;
    private int _evidence;
    private double _lastStep;

    public SwitchingScheme(StiffProblem problem)
    {
        _explicit = new ExplicitScheme(problem, Methods.DormandPrince54);
        _stiff = new RosenbrockScheme(problem, RosenbrockTableau.Rodas4);
    }

    public bool IsStiff { get; private set; }

    /// <summary>How often the method switched, either way.</summary>
    public int Switches { get; private set; }

    public int Order => 4;

    /// <summary>Rodas4's: both methods' errors are measured by one controller.</summary>
    public int? ControllerOrder => 4;

    public bool HoldsSmallGrowth => false;

    public StepAttempt TryStep(double t, double h, ReadOnlySpan<double> current, ReadOnlySpan<double> derivative,
        Span<double> candidate, Span<double> error)
    {
        _lastStep = h;
        return IsStiff
            ? _stiff.TryStep(t, h, current, derivative, candidate, error)
            : _explicit.TryStep(t, h, current, derivative, candidate, error);
    }

    public void Accepted()
    {
        bool switchNow;
        if (IsStiff)
        {
            _stiff.Accepted();
            switchNow = Math.Abs(_lastStep) * _stiff.JacobianNorm < 0.5 * StabilityBoundary;
        }
        else
        {
            switchNow = _explicit.StiffnessRatio > StabilityBoundary;
        }
        _evidence = switchNow ? _evidence + 1 : 0;
        if (_evidence < Confirmations)
            return;
        IsStiff = !IsStiff;
        Switches++;
        _evidence = 0;
    }
}
