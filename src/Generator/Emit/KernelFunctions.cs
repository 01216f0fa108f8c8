using System.Collections.Generic;

namespace OdeDsl.Generator.Emit;

/// <summary>
/// The language's built-in functions in generated code: a <c>Math</c>/<c>MathF</c> method, a private
/// helper emitted into the system class (for functions .NET lacks or defines differently), or a
/// TorchSharp operation.
/// </summary>
public static class KernelFunctions
{
    private static readonly Dictionary<string, string> MathMethods = new()
    {
        ["sin"] = "Sin", ["cos"] = "Cos", ["tan"] = "Tan", ["asin"] = "Asin", ["acos"] = "Acos",
        ["atan"] = "Atan", ["atan2"] = "Atan2", ["sinh"] = "Sinh", ["cosh"] = "Cosh", ["tanh"] = "Tanh",
        ["exp"] = "Exp", ["log"] = "Log", ["ln"] = "Log", ["log10"] = "Log10", ["sqrt"] = "Sqrt",
        ["abs"] = "Abs", ["min"] = "Min", ["max"] = "Max", ["pow"] = "Pow", ["flr"] = "Floor", ["ceil"] = "Ceiling",
    };

    private static readonly Dictionary<string, string> Helpers = new()
    {
        ["sign"] = "Sign", ["heav"] = "Heaviside", ["mod"] = "Modulo",
        ["sigmoid"] = "Sigmoid", ["relu"] = "Relu", ["softplus"] = "Softplus", ["elu"] = "Elu",
    };

    private static readonly Dictionary<string, string> TensorFunctions = new()
    {
        ["sin"] = "torch.sin", ["cos"] = "torch.cos", ["tan"] = "torch.tan", ["asin"] = "torch.asin",
        ["acos"] = "torch.acos", ["atan"] = "torch.atan", ["atan2"] = "torch.atan2", ["sinh"] = "torch.sinh",
        ["cosh"] = "torch.cosh", ["tanh"] = "torch.tanh", ["exp"] = "torch.exp", ["log"] = "torch.log",
        ["ln"] = "torch.log", ["log10"] = "torch.log10", ["sqrt"] = "torch.sqrt", ["abs"] = "torch.abs",
        ["min"] = "torch.minimum", ["max"] = "torch.maximum", ["pow"] = "torch.pow", ["flr"] = "torch.floor",
        ["ceil"] = "torch.ceil", ["sign"] = "torch.sign", ["mod"] = "torch.remainder", ["sigmoid"] = "torch.sigmoid",
        ["relu"] = "torch.nn.functional.relu", ["softplus"] = "torch.nn.functional.softplus", ["elu"] = "torch.nn.functional.elu",
    };

    public static bool IsKnown(string function) =>
        MathMethods.ContainsKey(function) || Helpers.ContainsKey(function);

    public static string? MathMethod(string function) => MathMethods.TryGetValue(function, out var name) ? name : null;

    public static string? CpuHelperName(string function) => Helpers.TryGetValue(function, out var name) ? name : null;

    /// <summary>The TorchSharp function (under <c>global::TorchSharp.</c>), or null for <c>heav</c>, which is a comparison.</summary>
    public static string? TensorFunction(string function) => TensorFunctions.TryGetValue(function, out var name) ? name : null;

    /// <summary>The helper's definition for one floating-point type, as a C# member.</summary>
    public static string HelperDefinition(string helperName, NumericType type)
    {
        var t = type.Keyword;
        var zero = type.Zero;
        var one = type.One;
        return helperName switch
        {
            // sign(±0) keeps the zero and sign(NaN) stays NaN, as the IR evaluator defines it.
            "Sign" => $"private static {t} Sign({t} x) => x > {zero} ? {one} : x < {zero} ? -{one} : x;",
            // XPPAUT: heav(x) = 1 for x >= 0, 0 otherwise (and for NaN).
            "Heaviside" => $"private static {t} Heaviside({t} x) => x >= {zero} ? {one} : {zero};",
            // Floored modulo (the sign follows the divisor), as XPPAUT and Python; C#'s % truncates.
            "Modulo" => $"private static {t} Modulo({t} a, {t} b) => a - b * {type.Math}.Floor(a / b);",
            "Sigmoid" => $"private static {t} Sigmoid({t} x) => {one} / ({one} + {type.Math}.Exp(-x));",
            "Relu" => $"private static {t} Relu({t} x) => x > {zero} ? x : {zero};",
            "Elu" => $"private static {t} Elu({t} x) => x > {zero} ? x : {type.Math}.Exp(x) - {one};",
            // log(1 + e^x) without overflow for large x.
            "Softplus" => $"private static {t} Softplus({t} x) => {type.Math}.Max(x, {zero}) + {type.Math}.Log({one} + {type.Math}.Exp(-{type.Math}.Abs(x)));",
            _ => throw new System.ArgumentOutOfRangeException(nameof(helperName), helperName),
        };
    }

    public static IEnumerable<string> HelperNames => Helpers.Values;
}
