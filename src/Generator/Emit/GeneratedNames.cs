using System.Collections.Generic;

namespace OdeDsl.Generator.Emit;

/// <summary>
/// Identifiers generated code uses for itself. Model names become C# locals, so a model name that
/// equals one of these (or a C# keyword) gets a trailing underscore (see <see cref="Identifier"/>).
/// </summary>
public static class GeneratedNames
{
    public const string Trajectory = "trajectory";
    public const string Batch = "batch";

    private static readonly HashSet<string> Reserved = new()
    {
        "t", Trajectory, Batch, "states", "parameters", "derivatives", "cotangent", "stateCotangent",
        "parameterCotangent", "timeCotangent", "jacobian", "outputs", "state", "stateRow", "cotangentRow",
        "derivativeRow", "stateCotangentRow", "parameterCotangentRow", "jacobianRow", "outputRow", "scope",
        "torch", "Tensor", "System", "global", "Name", "StateNames", "ParameterNames", "OutputNames",
        "Sign", "Heaviside", "Modulo", "Sigmoid", "Relu", "Softplus", "BatchSize", "RequireLength",
        "Column", "Constant", "StateLength", "ParameterLength", "OutputLength",
        // C# keywords a model name could plausibly use.
        "abstract", "as", "base", "bool", "break", "byte", "case", "catch", "char", "checked", "class", "const",
        "continue", "decimal", "default", "delegate", "do", "double", "else", "enum", "event", "explicit",
        "extern", "false", "finally", "fixed", "float", "for", "foreach", "goto", "if", "implicit", "in", "int",
        "interface", "internal", "is", "lock", "long", "namespace", "new", "null", "object", "operator", "out",
        "override", "params", "private", "protected", "public", "readonly", "ref", "return", "sbyte", "sealed",
        "short", "sizeof", "stackalloc", "static", "string", "struct", "switch", "this", "throw", "true", "try",
        "typeof", "uint", "ulong", "unchecked", "unsafe", "ushort", "using", "virtual", "void", "volatile",
        "while", "var", "dynamic", "value", "nameof", "async", "await", "record", "scoped", "file", "when",
    };

    /// <summary>A valid, non-clashing C# identifier for a model name (<c>z[1]</c> → <c>z_1</c>, <c>b</c> stays <c>b</c>).</summary>
    public static string Identifier(string modelName)
    {
        var characters = new char[modelName.Length];
        for (var i = 0; i < modelName.Length; i++)
        {
            var c = modelName[i];
            characters[i] = char.IsLetterOrDigit(c) || c == '_' ? c : '_';
        }
        var identifier = new string(characters).TrimEnd('_');
        if (identifier.Length == 0 || char.IsDigit(identifier[0])) identifier = "_" + identifier;
        return Reserved.Contains(identifier) ? identifier + "_" : identifier;
    }
}
