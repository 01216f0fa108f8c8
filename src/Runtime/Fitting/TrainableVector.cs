namespace OdeDsl.Runtime.Fitting;

/// <summary>
/// The optimizer's unconstrained vector <c>u</c> and its map to the full parameter vector θ: trainable entries go
/// through their <see cref="ConstraintTransform"/>, every other entry keeps its starting value.
/// </summary>
public sealed class TrainableVector
{
    private readonly double[] _start;
    private readonly int[] _index;
    private readonly FitConstraint[] _constraints;

    /// <exception cref="ArgumentException">A name is unknown or repeated, or a start value is infeasible.</exception>
    public TrainableVector(IReadOnlyList<string> parameterNames, IReadOnlyList<double> start,
        IReadOnlyList<TrainableParameter> trainable)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < parameterNames.Count; i++) index[parameterNames[i]] = i;
        _start = [.. start];
        _index = new int[trainable.Count];
        _constraints = new FitConstraint[trainable.Count];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var k = 0; k < trainable.Count; k++)
        {
            var (name, constraint) = (trainable[k].Name, trainable[k].Constraint);
            if (!index.TryGetValue(name, out _index[k]))
                throw new ArgumentException($"the model has no parameter '{name}'; its parameters are {string.Join(", ", parameterNames)}");
            if (!seen.Add(name))
                throw new ArgumentException($"parameter '{name}' is listed twice");
            if (!constraint.Contains(_start[_index[k]]))
                throw new ArgumentException($"parameter '{name}' starts at {_start[_index[k]]}, outside its feasible set ({constraint})");
            _constraints[k] = constraint;
        }
        Names = [.. trainable.Select(t => t.Name)];
    }

    public IReadOnlyList<string> Names { get; }

    public int Count => _index.Length;

    /// <summary>The index in θ of trainable entry <paramref name="k"/>.</summary>
    public int ParameterIndex(int k) => _index[k];

    /// <summary><c>u</c> at the starting values.</summary>
    public double[] Start() => [.. Enumerable.Range(0, Count).Select(k => ConstraintTransform.ToUnconstrained(_constraints[k], _start[_index[k]]))];

    /// <summary>θ for <paramref name="u"/> (only its first <see cref="Count"/> entries are read).</summary>
    public double[] Parameters(ReadOnlySpan<double> u)
    {
        var parameters = (double[])_start.Clone();
        for (var k = 0; k < Count; k++) parameters[_index[k]] = ConstraintTransform.ToConstrained(_constraints[k], u[k]);
        return parameters;
    }

    /// <summary>Writes <c>dL/du = dL/dθ · dθ/du</c> for the trainable entries.</summary>
    public void ChainGradient(ReadOnlySpan<double> u, ReadOnlySpan<double> parameterGradient, Span<double> gradient)
    {
        for (var k = 0; k < Count; k++)
            gradient[k] = parameterGradient[_index[k]] * ConstraintTransform.Derivative(_constraints[k], u[k]);
    }
}
