using OdeDsl.Runtime.Gradients;
using OdeDsl.Runtime.Systems;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace OdeDsl.Runtime.Torch;

/// <summary>
/// A generated (or hand-written) system as a TorchSharp layer: its θ is one trainable float64 parameter, started at
/// the system's defaults (for <c>net</c> declarations, the seeded <c>nn.Linear</c> initialisation), and
/// <see cref="Solve"/> integrates <c>[B, n]</c> initial states to any save times. Solves run the span backend on the
/// system's CPU kernels (the generated tensor kernels spend one tensor operation per weight) and gradients with respect to the
/// initial states and θ come from the runtime's gradient methods (<see cref="GradientOptions.Method"/>), so the block
/// composes with encoders and decoders under autograd. The backward pass solves forward once more (the gradient
/// methods record their own forward solve), so a training step costs two forward solves and one backward.
/// </summary>
public sealed class SystemBlock : nn.Module
{
    private readonly IOdeSystem _system;
    private readonly GradientOptions _options;
    private readonly Parameter theta;

    /// <param name="options">Method, tolerances, <c>T0</c> and gradient method; the save times and <c>T1</c> come per call.</param>
    /// <exception cref="ArgumentException">A system with <c>input</c> declarations: nothing would fill their θ slots.</exception>
    public SystemBlock(string name, IOdeSystem system, GradientOptions options) : base(name)
    {
        if (system.InputNames.Count > 0)
            throw new ArgumentException(
                $"{system.Name} reads inputs ({string.Join(", ", system.InputNames)}) that a system block cannot supply; " +
                "fit it to a table with those columns instead", nameof(system));
        _system = system;
        _options = options;
        var defaults = new double[system.ParameterCount];
        system.GetDefaultParameters(defaults);
        theta = new Parameter(tensor(defaults, ScalarType.Float64));
        RegisterComponents();
    }

    public IOdeSystem System => _system;

    /// <summary>Where every solve starts: the initial states are the states at this time.</summary>
    public double T0 => _options.Solve.T0;

    /// <summary>θ in the system's parameter order (<see cref="IOdeSystem.ParameterNames"/>).</summary>
    public Parameter Theta => theta;

    /// <summary>
    /// The states at <paramref name="saveAt"/> (ascending, none before <c>T0</c>) as <c>[S, B, n]</c> float64, from
    /// <paramref name="initialStates"/> (<c>[B, n]</c>) at <c>T0</c>. A failed solve throws a
    /// <see cref="Solvers.SolveException"/> whose message names the time and state.
    /// </summary>
    /// <exception cref="ArgumentException">No save times, or initial states that are not <c>[B, n]</c>.</exception>
    public Tensor Solve(Tensor initialStates, IReadOnlyList<double> saveAt)
    {
        if (saveAt.Count == 0)
            throw new ArgumentException($"{_system.Name}: a solve needs at least one save time", nameof(saveAt));
        if (initialStates.dim() != 2 || initialStates.shape[1] != _system.StateCount)
            throw new ArgumentException(
                $"{_system.Name}: initial states must be [batch, {_system.StateCount}], not {TensorShape.Format(initialStates)}",
                nameof(initialStates));
        var options = _options with { Solve = _options.Solve with { T1 = saveAt[^1], SaveAt = saveAt } };
        object[] inputs = [new SystemBlockFunction.Context(_system, options), initialStates, theta];
        return SystemBlockFunction.apply(inputs)[0];
    }
}
