using OdeDsl.Language;
using OdeDsl.Language.IR;
using OdeDsl.Runtime.Fitting;

namespace OdeDsl.Cli.Fitting;

/// <summary>
/// What <c>odedsl fit</c> trains: every <c>learn</c> parameter, learnable initial value and net weight with its
/// constraint from the model, plus the <c>par</c> entries freed by name with <c>--free</c> (a vector or matrix
/// name frees all its entries).
/// </summary>
internal static class TrainableSelection
{
    public static (IReadOnlyList<TrainableParameter>? Trainable, string? Error) Select(string text, string path, IReadOnlyList<string> freed)
    {
        var parameters = Compiler.Compile(text, path).System?.System.Parameters ?? [];
        var selected = parameters.Where(p => p.IsLearned).Select(p => new TrainableParameter(p.Name, Constraint(p.Constraint))).ToList();
        foreach (var name in freed)
        {
            var matches = parameters.Where(p => p.Name == name || p.Name.StartsWith(name + "[", StringComparison.Ordinal)).ToList();
            if (matches.Count == 0)
                return (null, $"--free {name}: the model has no parameter '{name}'; its parameters are {string.Join(", ", parameters.Where(p => !p.IsLearned).Select(p => p.Name))}");
            selected.AddRange(matches.Where(p => !p.IsLearned).Select(p => new TrainableParameter(p.Name, Constraint(p.Constraint))));
        }
        if (selected.Count == 0)
            return (null, "the model has nothing to fit: declare 'learn' parameters, 'learn x(0)' or a 'net', or free parameters with --free NAME");
        return (selected, null);
    }

    private static FitConstraint Constraint(ParameterConstraint constraint) => constraint.Kind switch
    {
        ConstraintKind.Positive => FitConstraint.Positive,
        ConstraintKind.Interval => FitConstraint.Interval(constraint.Lower, constraint.Upper),
        _ => FitConstraint.None,
    };
}
