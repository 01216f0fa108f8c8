namespace OdeDsl.Language.IR;

/// <summary>How <see cref="IrPrinter"/> names leaves; an <see cref="IrSystem"/> supplies its declared names.</summary>
public sealed class IrNames
{
    private readonly IReadOnlyList<string> states;
    private readonly IReadOnlyList<string> parameters;
    private readonly IReadOnlyList<string> inputs;

    public IrNames(IReadOnlyList<string> states, IReadOnlyList<string> parameters, IReadOnlyList<string> inputs)
    {
        this.states = states;
        this.parameters = parameters;
        this.inputs = inputs;
    }

    public static IrNames Default { get; } = new([], [], []);

    public string State(int index) => index < states.Count ? states[index] : $"z[{index}]";

    public string Parameter(int index) => index < parameters.Count ? parameters[index] : $"θ[{index}]";

    public string Input(int index) => index < inputs.Count ? inputs[index] : $"u[{index}]";
}
